package dev.faultline.builtin.quote;

import dev.faultline.builtin.support.InvalidRequestException;
import dev.faultline.builtin.support.TargetSelectionException;
import dev.faultline.builtin.support.VariantSelection;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP face of the quote service, and its ground truth. The downstream is {@code
 * faultline.quote.downstream}, or else the {@code faultline.calls.downstream} the harness passes to
 * a target declared with {@code calls: [downstream]}. Thread-safe: adders, and the thread-safe
 * service.
 */
@RestController
@ConditionalOnProperty(name = VariantSelection.SERVICE_PROPERTY, havingValue = "quote")
class QuoteController {

  static final long MAX_MS = 600_000;

  private final QuoteVariant variant;
  private final QuoteService service;
  private final LongAdder requests = new LongAdder();
  private final LongAdder failed = new LongAdder();

  QuoteController(
      @Value("${faultline.variant:}") String variant,
      @Value("${faultline.quote.downstream:${faultline.calls.downstream:}}") String downstream,
      @Value("${faultline.quote.timeout:5s}") Duration timeout) {
    this.variant = VariantSelection.select("quote", variant, QuoteVariant.class);
    this.service = new QuoteService(this.variant, new QuoteSource(toUri(downstream), timeout));
  }

  private static URI toUri(String text) {
    URI uri = text.isBlank() ? null : URI.create(text.trim());
    if (uri == null || !"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new TargetSelectionException(
          "The quote service needs its downstream as http://host:port: set"
              + " --faultline.quote.downstream=http://127.0.0.1:41001, or declare calls: [downstream]"
              + " in the experiment; got '"
              + text
              + "'");
    }
    return uri;
  }

  @GetMapping("/quote")
  QuoteBook.Quoted quote(@RequestParam(name = "ms", defaultValue = "5") long ms)
      throws IOException, InterruptedException {
    InvalidRequestException.requireBetween("ms", ms, 0, MAX_MS);
    requests.increment();
    boolean ok = false;
    try {
      QuoteBook.Quoted quoted = service.quote(ms);
      ok = true;
      return quoted;
    } finally {
      if (!ok) {
        failed.increment();
      }
    }
  }

  @GetMapping("/quote/stats")
  Stats stats() {
    QuoteBook.Snapshot book = service.snapshot();
    return new Stats(variant.id(), requests.sum(), failed.sum(), book.quotes(), book.lastPart());
  }

  /** Ground truth: requests, those that failed, quotes recorded, and the last part quoted. */
  record Stats(String variant, long requests, long failed, long quotes, String lastPart) {}
}
