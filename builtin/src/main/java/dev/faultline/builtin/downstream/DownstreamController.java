package dev.faultline.builtin.downstream;

import dev.faultline.builtin.support.InvalidRequestException;
import dev.faultline.builtin.support.SimulatedWork;
import dev.faultline.builtin.support.VariantSelection;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A slow-ish dependency: {@code GET /work?ms=N} parks for N ms and names itself. Its name is {@code
 * faultline.downstream.name}, or {@code downstream-<port>}. Thread-safe: counters are adders.
 */
@RestController
@ConditionalOnProperty(name = VariantSelection.SERVICE_PROPERTY, havingValue = "downstream")
class DownstreamController {

  static final long MAX_MS = 600_000;

  private final String name;
  private final LongAdder requests = new LongAdder();
  private final LongAdder inFlight = new LongAdder();

  DownstreamController(
      @Value("${faultline.variant:}") String variant,
      @Value("${faultline.downstream.name:}") String name) {
    VariantSelection.select("downstream", variant, DownstreamVariant.class);
    this.name = name;
  }

  @GetMapping("/work")
  Part work(@RequestParam(name = "ms", defaultValue = "20") long ms, HttpServletRequest request) {
    InvalidRequestException.requireBetween("ms", ms, 0, MAX_MS);
    requests.increment();
    inFlight.increment();
    try {
      new SimulatedWork(Duration.ofMillis(ms)).run(); // the work this dependency is slow at
    } finally {
      inFlight.decrement();
    }
    return new Part(name.isBlank() ? "downstream-" + request.getLocalPort() : name, ms);
  }

  @GetMapping("/downstream/stats")
  Stats stats() {
    return new Stats(requests.sum(), inFlight.sum());
  }

  /** One downstream's answer: who answered, and how long it worked. */
  record Part(String part, long ms) {}

  /** Requests received, and those still being worked on. */
  record Stats(long requests, long inFlight) {}
}
