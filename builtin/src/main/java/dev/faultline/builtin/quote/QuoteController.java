package dev.faultline.builtin.quote;

import dev.faultline.builtin.support.InvalidRequestException;
import dev.faultline.builtin.support.TargetSelectionException;
import dev.faultline.builtin.support.VariantSelection;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP face of the quote service. The downstream is {@code faultline.quote.downstream}, or else the
 * {@code faultline.calls.downstream} the harness passes to a target declared with {@code calls:
 * [downstream]}. Thread-safe: delegates to the thread-safe service.
 */
@RestController
@ConditionalOnProperty(name = VariantSelection.SERVICE_PROPERTY, havingValue = "quote")
class QuoteController {

  private final QuoteService service;

  QuoteController(
      @Value("${faultline.variant:}") String variant,
      @Value("${faultline.quote.downstream:${faultline.calls.downstream:}}") String downstream,
      @Value("${faultline.quote.timeout:5s}") Duration timeout) {
    this.service =
        new QuoteService(
            VariantSelection.select("quote", variant, QuoteVariant.class),
            QuoteSource.to(toUri(downstream), timeout));
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
    InvalidRequestException.requireBetween("ms", ms, 0, 600_000);
    return service.quote(ms);
  }

  @GetMapping("/quote/stats")
  QuoteService.Stats stats() {
    return service.stats();
  }
}
