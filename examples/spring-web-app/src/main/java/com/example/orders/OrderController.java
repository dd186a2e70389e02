package com.example.orders;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/orders")
public class OrderController {
  private final OrderService service;
  private final OrderRepository orders;

  public OrderController(OrderService service, OrderRepository orders) {
    this.service = service;
    this.orders = orders;
  }

  @PostMapping
  public ResponseEntity<Order> place(
      @RequestParam String customer,
      @RequestParam String sku,
      @RequestParam(defaultValue = "1") int quantity) {
    return ResponseEntity.status(HttpStatus.CREATED).body(service.place(customer, sku, quantity));
  }

  @GetMapping("/{id}")
  public ResponseEntity<Order> get(@PathVariable long id) {
    return ResponseEntity.of(orders.find(id));
  }

  @GetMapping
  public List<Order> recent(@RequestParam(defaultValue = "20") int limit) {
    return orders.recent(Math.min(limit, 100));
  }

  /** Totals for the dashboard; {@code orders} is the number of orders placed so far. */
  @GetMapping("/summary")
  public Map<String, Object> summary() {
    return orders.summary();
  }

  @ExceptionHandler(OrderService.UnknownProductException.class)
  public ResponseEntity<Map<String, String>> unknown(RuntimeException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(OrderService.OutOfStockException.class)
  public ResponseEntity<Map<String, String>> outOfStock(RuntimeException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
  }
}
