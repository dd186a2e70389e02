package dev.faultline.builtin.aggregator;

import dev.faultline.builtin.support.InvalidRequestException;
import dev.faultline.builtin.support.TargetSelectionException;
import dev.faultline.builtin.support.VariantSelection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP face of the aggregator, and its ground truth: how often the deadline fired and how many
 * downstream calls and fan-out threads are alive. Thread-safe: adders, and a thread-safe fan-out.
 */
@RestController
@ConditionalOnProperty(name = VariantSelection.SERVICE_PROPERTY, havingValue = "aggregator")
class AggregatorController implements DisposableBean {

  private final AggregatorVariant variant;
  private final FanOut fanOut;
  private final int downstreamCount;
  private final LongAdder requests = new LongAdder();
  private final LongAdder timeoutsFired = new LongAdder();
  private final LongAdder partialReplies = new LongAdder();

  AggregatorController(
      @Value("${faultline.variant:}") String variant,
      @Value("${faultline.aggregator.downstreams:}") List<String> downstreams,
      @Value("${faultline.aggregator.deadline:500ms}") Duration deadline) {
    this.variant = VariantSelection.select("aggregator", variant, AggregatorVariant.class);
    List<URI> uris =
        downstreams.stream().filter(s -> !s.isBlank()).map(s -> toUri(s.trim())).toList();
    if (uris.isEmpty()) {
      throw new TargetSelectionException(
          "The aggregator needs downstreams: set --faultline.aggregator.downstreams="
              + "http://127.0.0.1:41001,http://127.0.0.1:41002");
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new TargetSelectionException(
          "faultline.aggregator.deadline must be > 0, was " + deadline);
    }
    this.downstreamCount = uris.size();
    this.fanOut = new FanOut(this.variant, uris, deadline);
  }

  private static URI toUri(String text) {
    URI uri = URI.create(text);
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new TargetSelectionException(
          "faultline.aggregator.downstreams must list http://host:port URLs, got '" + text + "'");
    }
    return uri;
  }

  @GetMapping("/aggregate")
  Aggregate aggregate(@RequestParam(name = "ms", defaultValue = "20") long ms)
      throws InterruptedException {
    InvalidRequestException.requireBetween("ms", ms, 0, 600_000);
    requests.increment();
    FanOut.Outcome outcome = fanOut.aggregate(ms);
    if (outcome.timedOut() > 0) {
      timeoutsFired.increment();
    }
    boolean partial = outcome.parts().size() < downstreamCount;
    if (partial) {
      partialReplies.increment();
    }
    return new Aggregate(
        outcome.parts(), partial, outcome.timedOut(), outcome.failed(), outcome.elapsedMs());
  }

  @GetMapping("/aggregate/stats")
  Stats stats() {
    return new Stats(
        variant.id(),
        requests.sum(),
        timeoutsFired.sum(),
        partialReplies.sum(),
        fanOut.inFlightCalls(),
        fanOut.liveThreads());
  }

  @Override
  public void destroy() {
    fanOut.close();
  }

  /** One aggregate answer; {@code timedOut} calls missed the deadline, {@code failed} errored. */
  record Aggregate(List<String> parts, boolean partial, int timedOut, int failed, long elapsedMs) {}

  /** Ground truth; {@code timeoutsFired} counts requests whose deadline fired. */
  record Stats(
      String variant,
      long requests,
      long timeoutsFired,
      long partialReplies,
      long inFlightDownstreamCalls,
      int liveFanoutThreads) {}
}
