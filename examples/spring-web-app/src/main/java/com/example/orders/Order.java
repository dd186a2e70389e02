package com.example.orders;

public record Order(
    long id, String customer, String sku, int quantity, long totalCents, String status) {}
