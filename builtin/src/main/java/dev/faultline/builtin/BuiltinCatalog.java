package dev.faultline.builtin;

import dev.faultline.builtin.aggregator.AggregatorVariant;
import dev.faultline.builtin.batch.BatchVariant;
import dev.faultline.builtin.cache.CacheVariant;
import dev.faultline.builtin.config.ConfigVariant;
import dev.faultline.builtin.counter.CounterVariant;
import dev.faultline.builtin.downstream.DownstreamVariant;
import dev.faultline.builtin.ledger.LedgerVariant;
import dev.faultline.builtin.pool.PoolVariant;
import dev.faultline.builtin.quote.QuoteVariant;
import dev.faultline.builtin.support.TargetVariant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one list of the services this application hosts and their variants (correct first), taken
 * from each service's variant enum. The build writes it as {@value #RESOURCE} (one line a service:
 * {@code counter=locked,atomic,...}), which the harness reads to check {@code builtin:} and {@code
 * variant:} in experiments without a second copy of the list.
 *
 * <p>Immutable; thread-safe.
 */
public final class BuiltinCatalog {

  /** Where the build writes the catalog, relative to the classes folder. */
  public static final String RESOURCE = "META-INF/faultline/builtin-catalog.properties";

  private static final Map<String, Class<? extends TargetVariant>> SERVICES = new LinkedHashMap<>();

  static {
    SERVICES.put("counter", CounterVariant.class);
    SERVICES.put("config", ConfigVariant.class);
    SERVICES.put("batch", BatchVariant.class);
    SERVICES.put("aggregator", AggregatorVariant.class);
    SERVICES.put("downstream", DownstreamVariant.class);
    SERVICES.put("pool", PoolVariant.class);
    SERVICES.put("cache", CacheVariant.class);
    SERVICES.put("ledger", LedgerVariant.class);
    SERVICES.put("quote", QuoteVariant.class);
  }

  private BuiltinCatalog() {}

  /** The services, by {@code faultline.service} name, in the order they are listed to users. */
  public static List<String> services() {
    return List.copyOf(SERVICES.keySet());
  }

  /** The catalog as the harness reads it: {@code service=variant,variant} a line. */
  public static String text() {
    return SERVICES.entrySet().stream()
        .map(service -> service.getKey() + "=" + variantIds(service.getValue()) + "\n")
        .collect(Collectors.joining());
  }

  private static String variantIds(Class<? extends TargetVariant> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(TargetVariant::id)
        .collect(Collectors.joining(","));
  }

  /**
   * Writes the catalog below a classes folder (the build calls this), or to standard output when no
   * folder is given.
   *
   * @param args the classes folder, or nothing
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.out.print(text());
      return;
    }
    Path file = Path.of(args[0]).resolve(RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text(), StandardCharsets.UTF_8);
  }
}
