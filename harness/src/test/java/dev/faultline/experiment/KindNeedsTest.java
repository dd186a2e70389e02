package dev.faultline.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.experiment.CheckSpec.Observation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What each kind declares it needs decides what the run observes and provisions; nothing else names
 * the kinds, so a wrong declaration would silently leave a check unjudged.
 */
class KindNeedsTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void threadChecksAskForTheThreadsTheyJudge() {
    assertThat(new CheckSpecs.NoThreadLeak(null, "pool", SECOND, 0, null).observes())
        .containsExactlyInAnyOrder(
            Observation.THREADS, Observation.THREAD_BASELINE, Observation.THREAD_CENSUS);
    assertThat(new CheckSpecs.NoDeadlock(null, "pool", null, SECOND).observes())
        .containsExactlyInAnyOrder(Observation.THREADS, Observation.DEADLOCK_WATCH);
  }

  @Test
  void counterChecksAskForAReadingBeforeLoadOnlyWhenTheyReadACounter() {
    HttpRequestLine stats = HttpRequestLine.parse("GET /aggregate/stats");
    assertThat(timeoutsFire(stats, "/timeoutsFired").observes())
        .containsExactly(Observation.COUNTER_BEFORE_LOAD);
    assertThat(timeoutsFire(null, null).observes()).isEmpty();
    assertThat(
            new CounterConsistencySpec(
                    null,
                    "counter",
                    "increments",
                    HttpRequestLine.parse("GET /counter"),
                    "/value",
                    null)
                .observes())
        .containsExactly(Observation.COUNTER_BEFORE_LOAD);
  }

  @Test
  void networkFaultsNeedAProxyAndAssaultsChaosMonkey() {
    assertThat(new ToxicFaults.Down("shop-proxy").needs()).containsExactly(Fault.Need.PROXY);
    assertThat(new ToxicFaults.Down("shop-proxy").target()).isNull();
    TargetFaults.Assault assault =
        new TargetFaults.Assault("shop", null, null, false, false, true, 1, false, null);
    assertThat(assault.needs()).containsExactly(Fault.Need.CHAOS_MONKEY);
    assertThat(assault.target()).isEqualTo("shop");
    assertThat(new TargetFaults.KillProcess("shop", null).needs()).isEmpty();
  }

  @Test
  void theDocumentedListOfFaultKindsIsEveryKindInDeclarationOrder() {
    assertThat(ExperimentSchema.json())
        .contains(
            "Give the fault's kind as one key: latency, bandwidth, slow-close, timeout, reset-peer, slicer, limit-data, down, kill-process, pause-process, kill-worker, assault.");
  }

  private static CheckSpecs.TimeoutsFire timeoutsFire(HttpRequestLine stats, String counter) {
    return new CheckSpecs.TimeoutsFire(
        null, "aggregator", "aggregate", SECOND, SECOND, null, stats, counter);
  }
}
