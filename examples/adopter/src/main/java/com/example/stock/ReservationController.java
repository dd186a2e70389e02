package com.example.stock;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /reservations?sku=&quantity=} takes stock (201, or 409 when too little is left);
 * {@code GET /availability?skus=a,b} looks every SKU up on the lookup pool at once; {@code GET
 * /reservations/summary} gives the totals.
 */
@RestController
public class ReservationController {

  private final Stock stock;
  private final ExecutorService lookups;

  public ReservationController(Stock stock, ExecutorService lookups) {
    this.stock = stock;
    this.lookups = lookups;
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

  @GetMapping("/availability")
  public Map<String, Integer> availability(@RequestParam List<String> skus) {
    Map<String, CompletableFuture<Integer>> pending =
        skus.stream()
            .distinct()
            .collect(
                Collectors.toMap(
                    sku -> sku,
                    sku -> CompletableFuture.supplyAsync(() -> stock.available(sku), lookups)));
    return pending.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().join()));
  }

  @GetMapping("/reservations/summary")
  public Stock.Summary summary() {
    return stock.summary();
  }
}
