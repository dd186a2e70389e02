package dev.faultline.builtin.counter;

import dev.faultline.builtin.support.SimulatedWork;
import dev.faultline.builtin.support.TargetSelectionException;
import dev.faultline.builtin.support.VariantSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the counter of the selected variant; active only for {@code faultline.service=counter}.
 * The durable variants replay {@code <faultline.data-dir>/counter.journal} here, before the web
 * server opens its port, so no request ever sees a counter that has not caught up yet.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = VariantSelection.SERVICE_PROPERTY, havingValue = "counter")
class CounterConfiguration {

  /** The folder a durable counter keeps its journal in. */
  static final String DATA_DIR_PROPERTY = "faultline.data-dir";

  private static final Logger LOG = LoggerFactory.getLogger(CounterConfiguration.class);

  @Bean
  CounterVariant counterVariant(@Value("${faultline.variant:}") String variant) {
    return VariantSelection.select("counter", variant, CounterVariant.class);
  }

  @Bean
  Counter counter(
      CounterVariant variant,
      @Value("${faultline.counter.work:150us}") Duration work,
      @Value("${" + DATA_DIR_PROPERTY + ":}") String dataDir,
      @Value("${faultline.counter.flush-interval:1s}") Duration flushInterval) {
    SimulatedWork simulated = new SimulatedWork(work);
    return switch (variant) {
      case LOCKED -> new LockedCounter(simulated);
      case ATOMIC -> new AtomicCounter(simulated);
      case RACY -> new RacyCounter(simulated);
      case DURABLE, DURABLE_LAZY -> durable(variant, simulated, dataDir, flushInterval);
    };
  }

  private static LockedCounter durable(
      CounterVariant variant, SimulatedWork work, String dataDir, Duration flushInterval) {
    Path file = journalFile(variant, dataDir);
    JournalReplay replayed = JournalFile.replay(file);
    CounterJournal journal =
        variant == CounterVariant.DURABLE
            ? ForcedJournal.open(file)
            : GroupCommitJournal.start(file, flushInterval);
    LOG.info(
        "Counter journal {}: replayed {} increments ({} with an op id){}",
        file,
        replayed.increments(),
        replayed.ops().size(),
        variant == CounterVariant.DURABLE
            ? "; each increment is forced to disk before it is acknowledged"
            : "; increments are acknowledged first and committed in groups every "
                + flushInterval.toMillis()
                + " ms");
    return new LockedCounter(work, journal, replayed);
  }

  /**
   * {@code <data-dir>/counter.journal}, the folder created if missing; fails startup without one.
   */
  static Path journalFile(CounterVariant variant, String dataDir) {
    if (dataDir == null || dataDir.isBlank()) {
      throw new TargetSelectionException(
          "The counter variant '"
              + variant.id()
              + "' keeps its state on disk and needs a folder for it: add --"
              + DATA_DIR_PROPERTY
              + "=<folder> (created if missing; the journal is <folder>/"
              + JournalFile.NAME
              + "), e.g. --"
              + DATA_DIR_PROPERTY
              + "=/tmp/faultline-counter",
          "Launch with e.g. java -jar faultline-builtin.jar --"
              + VariantSelection.SERVICE_PROPERTY
              + "=counter --"
              + VariantSelection.VARIANT_PROPERTY
              + "="
              + variant.id()
              + " --"
              + DATA_DIR_PROPERTY
              + "=/tmp/faultline-counter --server.port=41234",
          null);
    }
    Path dir = Path.of(dataDir.trim()).toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new TargetSelectionException(
          "--" + DATA_DIR_PROPERTY + "=" + dataDir + " cannot be used as a folder: " + e, null, e);
    }
    return dir.resolve(JournalFile.NAME);
  }
}
