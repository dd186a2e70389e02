package dev.faultline.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.experiment.CheckSpecs;
import dev.faultline.observe.ThreadDetail;
import dev.faultline.observe.ThreadSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The leak judgement on the thread shapes of ordinary services: load runs from second 0 to second 8
 * (half the work by second 4, three quarters by second 6), a census each second.
 */
class ThreadLeaksTest {

  private static final List<String> PARKED_ON_QUEUE =
      List.of(
          "jdk.internal.misc.Unsafe.park(Native Method)",
          "java.util.concurrent.locks.LockSupport.park(LockSupport.java:341)",
          "java.util.concurrent.LinkedBlockingQueue.take(LinkedBlockingQueue.java:435)",
          "dev.faultline.builtin.pool.JobPool.lambda$waitFor$1(JobPool.java:88)");
  private static final List<String> IDLE_IN_POOL =
      List.of(
          "jdk.internal.misc.Unsafe.park(Native Method)",
          "java.util.concurrent.LinkedBlockingQueue.take(LinkedBlockingQueue.java:435)",
          "java.util.concurrent.ThreadPoolExecutor.getTask(ThreadPoolExecutor.java:1062)",
          "java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1122)");
  private static final List<String> SERVING_THREAD_DUMP =
      List.of(
          "java.lang.Thread.dumpThreads(Native Method)",
          "org.springframework.boot.actuate.management.ThreadDumpEndpoint.threadDump(ThreadDumpEndpoint.java:54)",
          "org.apache.tomcat.util.threads.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1190)");
  private static final List<String> RUNNING = List.of("java.lang.Thread.run(Thread.java:833)");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Optional<ThreadLeaks.WorkClock> CLOCK =
      Optional.of(new ThreadLeaks.WorkClock(T0.plusSeconds(4), T0.plusSeconds(6)));

  private static ThreadDetail t(long id, String name, List<String> stack) {
    return new ThreadDetail(id, name, Thread.State.WAITING, true, stack);
  }

  private static ThreadSnapshot at(int second, List<ThreadDetail> threads) {
    return new ThreadSnapshot(T0.plusSeconds(second), threads);
  }

  /** The service's threads at second s = 0..8 of the load, and after it (s = 9). */
  private static CheckResult judge(
      IntFunction<List<ThreadDetail>> threadsAt,
      List<String> ignore,
      int tolerance,
      Optional<ThreadLeaks.WorkClock> clock) {
    List<ThreadCensus> during = new ArrayList<>();
    for (int s = 0; s <= 8; s++) {
      during.add(ThreadCensus.of(at(s, threadsAt.apply(s))));
    }
    CheckSpecs.NoThreadLeak spec =
        new CheckSpecs.NoThreadLeak(null, "svc", Duration.ofSeconds(5), tolerance, ignore);
    return ThreadLeaks.judge(
        spec,
        at(-1, threadsAt.apply(-1)),
        during,
        clock,
        at(9, threadsAt.apply(9)),
        Duration.ofMillis(500));
  }

  private static List<ThreadDetail> withMain(List<ThreadDetail> more) {
    List<ThreadDetail> out = new ArrayList<>(List.of(t(1, "main", RUNNING)));
    out.addAll(more);
    return out;
  }

  /**
   * A fixed pool of {@code size} that makes one thread per task until full, {@code perSecond} tasks
   * a second.
   */
  private static List<ThreadDetail> fixedPool(int second, int size, int perSecond) {
    int n = Math.max(0, Math.min(size, (second + 1) * perSecond));
    List<ThreadDetail> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(t(100 + i, "pool-1-thread-" + i, IDLE_IN_POOL));
    }
    return out;
  }

  @Test
  void a_fixed_pool_that_fills_up_and_stays_is_no_leak() {
    CheckResult r = judge(s -> withMain(fixedPool(s, 64, 40)), List.of(), 0, CLOCK);

    assertThat(r.status()).isEqualTo(CheckStatus.PASSED);
    assertThat(r.evidence())
        .contains(
            "grew and stayed: pool-N-thread-N 0 → 64 (pool threads that filled up, or once-made threads)");
    assertThat(r.observed())
        .startsWith(
            "no family kept growing with the work (1 threads before load, 65 now; 64 idle pool threads not counted");
  }

  @Test
  void a_fixed_pool_that_fills_slowly_through_the_whole_load_is_no_leak_either() {
    CheckResult r = judge(s -> withMain(fixedPool(s, 64, 7)), List.of(), 0, CLOCK);

    assertThat(r.status())
        .as("idle workers of a pool seen by mid-load are the pool filling up")
        .isEqualTo(CheckStatus.PASSED);
  }

  @Test
  void a_pool_made_per_request_is_a_leak_named_by_its_family_with_its_total() {
    IntFunction<List<ThreadDetail>> threads =
        s -> {
          List<ThreadDetail> out = fixedPool(s, 64, 40);
          int pools = Math.max(0, (s + 1) * 30);
          for (int k = 1; k <= pools; k++) {
            out.add(t(1000 + k, "pool-" + (k + 1) + "-thread-1", IDLE_IN_POOL));
          }
          return withMain(out);
        };

    CheckResult r = judge(threads, List.of(), 0, CLOCK);

    assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.observed())
        .startsWith(
            "pool-N-thread-N leaked 364 threads, still growing in the second half of the load (0 before load, 364 now;");
    assertThat(r.evidence().get(0))
        .isEqualTo(
            "pool-N-thread-N: 0 before load, 364 now (+364); still growing with the work: 0 by mid-load, 60 by three quarters,"
                + " 150 after load (+150 in the second half); 150 pools of it first made after mid-load");
    assertThat(r.evidence().get(1))
        .as("the newest leaked thread's stack comes first, not a by-design pool's")
        .startsWith("leaked pool-301-thread-1 (id 1300");
  }

  @Test
  void a_waiter_parked_forever_per_request_is_a_leak_with_its_stack() {
    IntFunction<List<ThreadDetail>> threads =
        s -> {
          List<ThreadDetail> out = new ArrayList<>();
          for (int i = 1; i <= Math.max(0, (s + 1) * 4); i++) {
            out.add(t(200 + i, "job-waiter-" + i, PARKED_ON_QUEUE));
          }
          return withMain(out);
        };

    CheckResult r = judge(threads, List.of(), 0, CLOCK);

    assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.observed()).startsWith("job-waiter-N leaked 40 threads");
    assertThat(r.evidence().get(1))
        .isEqualTo(
            "leaked job-waiter-40 (id 240, WAITING, daemon) at jdk.internal.misc.Unsafe.park(Native Method)"
                + " ← java.util.concurrent.locks.LockSupport.park(LockSupport.java:341) ← java.util.concurrent.LinkedBlockingQueue.take(LinkedBlockingQueue.java:435)"
                + " ← dev.faultline.builtin.pool.JobPool.lambda$waitFor$1(JobPool.java:88)");
  }

  @Test
  void threads_made_once_late_in_the_load_are_no_leak() {
    IntFunction<List<ThreadDetail>> threads =
        s ->
            withMain(
                s >= 5
                    ? List.of(t(300, "h2-background-writer", RUNNING), t(301, "Timer-0", RUNNING))
                    : List.of());

    assertThat(judge(threads, List.of(), 0, CLOCK).status()).isEqualTo(CheckStatus.PASSED);
  }

  @Test
  void the_worker_serving_faultlines_own_thread_dump_is_excluded_and_said_so() {
    IntFunction<List<ThreadDetail>> threads =
        s ->
            withMain(
                s >= 5
                    ? List.of(t(400 + s, "http-nio-8080-exec-" + (10 + s), SERVING_THREAD_DUMP))
                    : List.of());

    CheckResult r = judge(threads, List.of(), 0, CLOCK);

    assertThat(r.status()).isEqualTo(CheckStatus.PASSED);
    assertThat(r.evidence())
        .anyMatch(
            line ->
                line.contains(
                    "excluded: 0 JVM/JMX/Attach threads and 1 thread serving Faultline's own thread dump"));
  }

  @Test
  void
      growth_within_the_tolerance_and_ignored_threads_pass_and_the_ignored_are_counted_in_the_observation() {
    IntFunction<List<ThreadDetail>> threads =
        s -> {
          List<ThreadDetail> out = new ArrayList<>();
          for (int i = 1; i <= Math.max(0, s - 3); i++) {
            out.add(t(500 + i, "job-waiter-" + i, PARKED_ON_QUEUE));
            out.add(t(600 + i, "cache-refresher-" + i, RUNNING));
          }
          out.add(t(30, "RMI TCP Connection(3)-127.0.0.1", RUNNING));
          return withMain(out);
        };

    CheckResult r = judge(threads, List.of("cache-.*"), 6, CLOCK);

    assertThat(r.status())
        .as("job-waiter-N grew by 5 after mid-load, within tolerance 6")
        .isEqualTo(CheckStatus.PASSED);
    assertThat(r.observed()).contains("ignored");
    assertThat(judge(threads, List.of("cache-.*"), 0, CLOCK).observed())
        .startsWith("job-waiter-N leaked 6 threads");
  }

  @Test
  void without_a_work_clock_growth_of_threads_not_idle_in_a_known_pool_counts() {
    IntFunction<List<ThreadDetail>> threads =
        s ->
            withMain(
                s < 0
                    ? List.of()
                    : List.of(
                        t(700, "job-waiter-1", PARKED_ON_QUEUE),
                        t(701, "job-waiter-2", PARKED_ON_QUEUE)));

    CheckResult r = judge(threads, List.of(), 0, Optional.empty());

    assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.evidence())
        .contains(
            "the load could not be sliced (too few requests, or none): every thread not idle in a pool known before load counted");
  }

  @Test
  void a_family_has_every_run_of_digits_as_n_and_an_instance_only_its_trailing_number() {
    assertThat(ThreadFamilies.family("pool-3-thread-7")).isEqualTo("pool-N-thread-N");
    assertThat(ThreadFamilies.family("http-nio-8080-exec-12")).isEqualTo("http-nio-N-exec-N");
    assertThat(ThreadFamilies.family("main")).isEqualTo("main");
    assertThat(ThreadFamilies.instance("pool-3-thread-7")).isEqualTo("pool-3-thread-N");
    assertThat(ThreadFamilies.instance("HttpClient-4-SelectorManager"))
        .isEqualTo("HttpClient-4-SelectorManager");
  }

  @Test
  void the_work_clock_slices_by_requests_not_by_time() {
    List<Long> starts = List.of(1000L, 1001L, 1002L, 1003L, 1004L, 1005L, 9000L, 9001L);

    ThreadLeaks.WorkClock c = ThreadLeaks.WorkClock.of(starts).orElseThrow();

    assertThat(c.half()).isEqualTo(Instant.ofEpochMilli(1004));
    assertThat(c.threeQuarters()).isEqualTo(Instant.ofEpochMilli(9000));
    assertThat(ThreadLeaks.WorkClock.of(List.of(1L, 2L, 3L))).isEmpty();
  }
}
