package dev.faultline.builtin.cache;

import dev.faultline.builtin.support.InvalidRequestException;
import dev.faultline.builtin.support.SimulatedWork;
import dev.faultline.builtin.support.VariantSelection;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP face of the cache, and its ground truth. A request names its key through an operation id
 * ({@code lookups-k3x9a2b-17}): with {@code group=N} the id's trailing number is divided by N, so N
 * consecutive requests of a load share one key that none of them has seen before — the concurrent
 * first requests a once-only initialisation must survive, all through the load rather than only at
 * its start. Thread-safe: delegates to the thread-safe cache and computer.
 */
@RestController
@RequestMapping("/cache")
@ConditionalOnProperty(name = VariantSelection.SERVICE_PROPERTY, havingValue = "cache")
class CacheController {

  static final int MAX_GROUP = 10_000;
  private static final Pattern NUMBERED = Pattern.compile("(.*-)(\\d{1,18})");

  private final CacheVariant variant;
  private final ValueComputer computer;
  private final KeyedCache cache;
  private final LongAdder requests = new LongAdder();

  CacheController(
      @Value("${faultline.variant:}") String variant,
      @Value("${faultline.cache.work:5ms}") Duration work) {
    this.variant = VariantSelection.select("cache", variant, CacheVariant.class);
    this.computer = new ValueComputer(new SimulatedWork(work));
    this.cache = KeyedCache.of(this.variant, computer);
  }

  @GetMapping
  Lookup get(
      @RequestParam("op") String op, @RequestParam(name = "group", defaultValue = "1") int group)
      throws InterruptedException {
    if (op.isEmpty() || op.length() > 64) {
      throw new InvalidRequestException(
          "op must be 1 to 64 characters, was " + op.length() + " characters");
    }
    InvalidRequestException.requireBetween("group", group, 1, MAX_GROUP);
    requests.increment();
    String key = key(op, group);
    return new Lookup(key, cache.get(key));
  }

  /** {@code op} with its trailing number divided by {@code group}; {@code op} if it has none. */
  static String key(String op, int group) {
    Matcher numbered = NUMBERED.matcher(op);
    if (!numbered.matches()) {
      return op;
    }
    return numbered.group(1) + Long.parseLong(numbered.group(2)) / group;
  }

  @GetMapping("/stats")
  Stats stats() {
    return new Stats(
        variant.id(),
        requests.sum(),
        cache.size(),
        computer.computations(),
        computer.duplicateComputations());
  }

  /** One answer: the key the request mapped to, and its value. */
  record Lookup(String key, String value) {}

  /** Ground truth; {@code duplicateComputations} counts computations of a key computed before. */
  record Stats(
      String variant, long requests, int keys, long computations, long duplicateComputations) {}
}
