package com.example.stock;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One fixed pool for availability lookups, made once and shut down with the application. */
@Configuration
public class LookupPool {

  @Bean(destroyMethod = "shutdown")
  public ExecutorService lookups() {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory named = r -> new Thread(r, "stock-lookup-" + n.incrementAndGet());
    return Executors.newFixedThreadPool(4, named);
  }
}
