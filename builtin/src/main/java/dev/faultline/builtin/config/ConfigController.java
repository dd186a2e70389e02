package dev.faultline.builtin.config;

import dev.faultline.builtin.support.SimulatedWork;
import dev.faultline.builtin.support.VariantSelection;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP face of the config store, and its ground truth: how many snapshots it returned, and how many
 * of those were torn. Thread-safe: the statistics are adders, accumulators and a concurrent set.
 */
@RestController
@RequestMapping("/config")
@ConditionalOnProperty(name = VariantSelection.SERVICE_PROPERTY, havingValue = "config")
class ConfigController {

  private final ConfigVariant variant;
  private final ConfigStore store;
  private final LongAdder reads = new LongAdder();
  private final LongAdder writes = new LongAdder();
  private final LongAdder tornReads = new LongAdder();
  private final LongAccumulator minVersion = new LongAccumulator(Math::min, Long.MAX_VALUE);
  private final LongAccumulator maxVersion = new LongAccumulator(Math::max, Long.MIN_VALUE);
  private final Set<Long> distinctVersions = ConcurrentHashMap.newKeySet();

  ConfigController(
      @Value("${faultline.variant:}") String variant,
      @Value("${faultline.config.work:200us}") Duration work) {
    this.variant = VariantSelection.select("config", variant, ConfigVariant.class);
    this.store = new ConfigStore(this.variant == ConfigVariant.RWLOCK, new SimulatedWork(work));
  }

  @GetMapping
  ConfigSnapshot read() {
    ConfigSnapshot snapshot = store.read();
    reads.increment();
    if (!snapshot.consistent()) {
      tornReads.increment();
    }
    minVersion.accumulate(snapshot.version());
    maxVersion.accumulate(snapshot.version());
    distinctVersions.add(snapshot.version());
    return snapshot;
  }

  @PostMapping("/write")
  Map<String, Long> write() {
    long version = store.write();
    writes.increment();
    return Map.of("version", version);
  }

  @GetMapping("/stats")
  ConfigStats stats() {
    long seen = reads.sum();
    return new ConfigStats(
        variant.id(),
        seen,
        writes.sum(),
        tornReads.sum(),
        new VersionsSeen(
            seen == 0 ? 0 : minVersion.get(),
            seen == 0 ? 0 : maxVersion.get(),
            distinctVersions.size()));
  }

  /** Counts of what the store served; {@code tornReads} are inconsistent snapshots returned. */
  record ConfigStats(
      String variant, long reads, long writes, long tornReads, VersionsSeen versionsSeen) {}

  /** The lowest and highest version a reader was given, and how many distinct ones. */
  record VersionsSeen(long min, long max, long distinct) {}
}
