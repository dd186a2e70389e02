package com.example.stock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small stock service: reservations against an in-memory stock, checked by an audit pool. */
@SpringBootApplication
public class StockApplication {

  public static void main(String[] args) {
    SpringApplication.run(StockApplication.class, args);
  }
}
