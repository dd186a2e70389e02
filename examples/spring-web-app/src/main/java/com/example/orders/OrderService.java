package com.example.orders;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrderService {
  private final OrderRepository orders;
  private final Duration paymentLatency;

  public OrderService(
      OrderRepository orders, @Value("${payments.latency:20ms}") Duration paymentLatency) {
    this.orders = orders;
    this.paymentLatency = paymentLatency;
  }

  /** Takes the stock and records the order in one transaction; the payment is authorized first. */
  @Transactional
  public Order place(String customer, String sku, int quantity) {
    long price = orders.priceCents(sku).orElseThrow(() -> new UnknownProductException(sku));
    authorizePayment(customer, price * quantity);
    if (orders.decrementStock(sku, quantity) == 0) {
      throw new OutOfStockException(sku);
    }
    long id = orders.insert(customer, sku, quantity, price * quantity);
    return orders.find(id).orElseThrow();
  }

  /** Stands in for the payment provider's API: it takes a while to answer. */
  private void authorizePayment(String customer, long cents) {
    try {
      Thread.sleep(paymentLatency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("payment for " + customer + " interrupted", e);
    }
  }

  public static class UnknownProductException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownProductException(String sku) {
      super("no product " + sku);
    }
  }

  public static class OutOfStockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfStockException(String sku) {
      super(sku + " is out of stock");
    }
  }
}
