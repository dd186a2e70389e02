package com.example.stock;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /reservations?sku=&quantity=} takes stock (201, or 409 when too little is left);
 * {@code GET /reservations/summary} gives the totals.
 */
@RestController
public class ReservationController {

  private final Stock stock;

  public ReservationController(Stock stock) {
    this.stock = stock;
  }

  @PostMapping("/reservations")
  public ResponseEntity<Map<String, Object>> reserve(
      @RequestParam String sku, @RequestParam(defaultValue = "1") int quantity) {
    if (quantity < 1) {
      return ResponseEntity.badRequest().body(Map.of("error", "quantity must be at least 1"));
    }
    boolean taken = stock.reserve(sku, quantity);
    return ResponseEntity.status(taken ? HttpStatus.CREATED : HttpStatus.CONFLICT)
        .body(Map.of("sku", sku, "quantity", quantity, "reserved", taken));
  }

  @GetMapping("/reservations/summary")
  public Stock.Summary summary() {
    return stock.summary();
  }
}
