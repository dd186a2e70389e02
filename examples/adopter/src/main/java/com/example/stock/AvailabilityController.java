package com.example.stock;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /availability?skus=a,b} looks every SKU up at once on a fixed pool of four, made once
 * and shut down with the application.
 */
@RestController
public class AvailabilityController {

  private final AtomicInteger threads = new AtomicInteger();
  private final ExecutorService lookups =
      Executors.newFixedThreadPool(
          4, task -> new Thread(task, "stock-lookup-" + threads.incrementAndGet()));
  private final Stock stock;

  public AvailabilityController(Stock stock) {
    this.stock = stock;
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

  @PreDestroy
  void shutDown() {
    lookups.shutdown();
  }
}
