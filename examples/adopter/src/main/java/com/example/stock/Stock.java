package com.example.stock;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Units on hand per SKU and the reservations taken against them, in memory. One lock guards both,
 * so a reservation checks and takes its units in one step, and the count of reservations always
 * matches the units taken. Thread-safe.
 */
@Component
public class Stock {

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Integer> onHand = new HashMap<>();
  private final int initialUnits;
  private long reservations;
  private long unitsReserved;

  public Stock(@Value("${stock.initial-units:1000000}") int initialUnits) {
    this.initialUnits = initialUnits;
  }

  /** Takes {@code quantity} units of {@code sku}; false, taking nothing, when too few are left. */
  public boolean reserve(String sku, int quantity) {
    lock.lock();
    try {
      int left = onHand.getOrDefault(sku, initialUnits);
      if (left < quantity) {
        return false;
      }
      onHand.put(sku, left - quantity);
      reservations++;
      unitsReserved += quantity;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Units of {@code sku} not yet reserved. */
  public int available(String sku) {
    lock.lock();
    try {
      return onHand.getOrDefault(sku, initialUnits);
    } finally {
      lock.unlock();
    }
  }

  /** How many reservations were taken, and how many units they hold, read together. */
  public Summary summary() {
    lock.lock();
    try {
      return new Summary(reservations, unitsReserved);
    } finally {
      lock.unlock();
    }
  }

  /** A consistent reading of the totals. */
  public record Summary(long reservations, long unitsReserved) {}
}
