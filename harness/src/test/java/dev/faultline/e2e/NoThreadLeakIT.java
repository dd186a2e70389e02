package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.check.CheckResult;
import dev.faultline.check.CheckStatus;
import dev.faultline.check.Checks;
import dev.faultline.experiment.CheckSpecs;
import dev.faultline.launch.Target;
import dev.faultline.observe.ThreadDetail;
import dev.faultline.observe.ThreadObserver;
import dev.faultline.observe.ThreadObservers;
import dev.faultline.observe.ThreadSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(240)
class NoThreadLeakIT {

  private static final CheckSpecs.NoThreadLeak SPEC =
      new CheckSpecs.NoThreadLeak(null, "pool", Duration.ofSeconds(3), 0, List.of());

  @TempDir static Path runFolder;
  static BuiltinTargets targets;

  @BeforeAll
  static void start() {
    targets = new BuiltinTargets(runFolder);
  }

  @AfterAll
  static void stop() {
    targets.close();
  }

  private static CheckResult leakCheckAfterJobs(Target pool) {
    try (ThreadObserver observer = ThreadObservers.forTarget(pool)) {
      assertThat(observer.source())
          .as("a process Faultline started is attached, not read over HTTP")
          .startsWith("JMX via the Attach API");
      ThreadSnapshot baseline = observer.snapshot();
      HttpLoad.send(pool.baseUrl(), "POST", "/jobs?count=4", 12, 4, Duration.ofSeconds(10));
      return Checks.of(SPEC)
          .evaluate(ObservedContext.of(pool.baseUrl()).withThreads(observer, baseline));
    }
  }

  @Test
  void the_cancellable_pool_settles_back_to_its_baseline() {
    CheckResult r = leakCheckAfterJobs(targets.start("pool", "cancellable", Map.of()));

    assertThat(r.status())
        .as(r.summary() + "\n" + String.join("\n", r.evidence()))
        .isEqualTo(CheckStatus.PASSED);
    assertThat(r.evidence())
        .contains(
            "not seen: virtual threads cannot be seen on JDK 17 (the target's JDK; they exist from JDK 21)");
  }

  @Test
  void the_leaky_pool_fails_with_each_blocked_job_waiter_named_with_its_stack() {
    CheckResult r = leakCheckAfterJobs(targets.start("pool", "leaky", Map.of()));
    Evidence.show(r);

    assertThat(r.status()).as(r.summary()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.evidence().get(0))
        .isEqualTo(
            "job-waiter-N: 0 before load, 12 now (+12), 12 of them not idle in a pool known before load");
    assertThat(r.evidence().get(1))
        .startsWith("leaked job-waiter-12 (id ")
        .contains("WAITING")
        .contains("java.util.concurrent.LinkedBlockingQueue.take")
        .contains(" … dev.faultline.builtin.pool.");
    assertThat(r.evidence()).filteredOn(l -> l.startsWith("leaked job-waiter-")).hasSize(10);
    assertThat(r.evidence()).contains("… 2 more threads of the growing families");
  }

  @Test
  void the_actuator_observer_sees_the_same_threads_by_url_and_says_what_it_cannot_see() {
    Target pool = targets.start("pool", "cancellable", Map.of());
    try (ThreadObserver observer = ThreadObservers.actuator(pool.baseUrl())) {
      ThreadSnapshot s = observer.snapshot();

      assertThat(s.threads())
          .extracting(ThreadDetail::name)
          .contains("job-worker-1", "job-worker-4", "faultline-watchdog-1");
      assertThat(s.threads())
          .filteredOn(t -> t.name().equals("job-worker-1"))
          .first()
          .satisfies(
              t ->
                  assertThat(t.stack())
                      .anyMatch(
                          f -> f.startsWith("java.util.concurrent.ThreadPoolExecutor.getTask")));
      assertThat(s.blindSpots())
          .anyMatch(b -> b.contains("virtual threads cannot be seen this way"));
      assertThat(observer.deadlocks().found()).isFalse();
    }
  }
}
