package dev.faultline.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The wait policy of a data-plane loop. Each case runs on its own thread, because {@link
 * PreciseDeadlines} belong to the thread, as they do to an event loop's.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SpinningSelectStrategyTest {
  private static final long MILLI = 1_000_000L;
  private final ExecutorService loop = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    loop.shutdownNow();
  }

  private <T> T onLoop(java.util.concurrent.Callable<T> work) throws Exception {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return work.call();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            loop)
        .get(8, TimeUnit.SECONDS);
  }

  /** Reports no events for {@code quietPolls} polls, then {@code events}. */
  private static IntSupplier readyAfter(int quietPolls, int events, AtomicInteger polls) {
    return () -> polls.incrementAndGet() > quietPolls ? events : 0;
  }

  @Test
  void events_ready_at_once_are_returned_without_waiting() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    int strategy =
        onLoop(
            () ->
                new SpinningSelectStrategy(50_000, 0)
                    .calculateStrategy(readyAfter(0, 3, polls), false));
    assertThat(strategy).isEqualTo(3);
    assertThat(polls).hasValue(1);
  }

  @Test
  void pending_tasks_never_spin() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    int strategy =
        onLoop(
            () ->
                new SpinningSelectStrategy(50 * MILLI, 0)
                    .calculateStrategy(readyAfter(1_000_000, 1, polls), true));
    assertThat(strategy).isZero();
    assertThat(polls).hasValue(1);
  }

  @Test
  void an_event_during_the_io_spin_is_caught_without_sleeping() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    // a budget as long as the spin: 50 polls that yield the core must not run out of it on a busy
    // machine
    int strategy =
        onLoop(
            () ->
                new SpinningSelectStrategy(5_000 * MILLI, 0, 5_000 * MILLI)
                    .calculateStrategy(readyAfter(50, 2, polls), false));
    assertThat(strategy).isEqualTo(2);
    assertThat(polls).hasValue(51);
  }

  @Test
  void with_nothing_to_do_it_sleeps_once_the_io_spin_is_over() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    long[] spent = new long[1];
    int strategy =
        onLoop(
            () -> {
              long start = System.nanoTime();
              int s =
                  // a spin long enough to poll more than once even if the scheduler takes the
                  // core away, and a budget that holds all of it
                  new SpinningSelectStrategy(50 * MILLI, 0, 5_000 * MILLI)
                      .calculateStrategy(readyAfter(Integer.MAX_VALUE, 1, polls), false);
              spent[0] = System.nanoTime() - start;
              return s;
            });
    assertThat(strategy).isEqualTo(SelectStrategy.SELECT);
    assertThat(spent[0]).isGreaterThanOrEqualTo(50 * MILLI);
    assertThat(polls.get()).isGreaterThan(1);
  }

  @Test
  void a_near_precise_deadline_is_polled_up_to_and_its_action_run_at_the_due_time()
      throws Exception {
    AtomicInteger polls = new AtomicInteger();
    long[] ranAt = new long[2];
    AtomicInteger runs = new AtomicInteger();
    int strategy =
        onLoop(
            () -> {
              // far enough that the loop still gets the core before it is due on a busy machine,
              // and a budget that holds the whole wait: the case is about polling, not the budget
              long due = System.nanoTime() + 200 * MILLI;
              ranAt[1] = due;
              PreciseDeadlines.ofThisThread()
                  .add(
                      due,
                      () -> {
                        runs.incrementAndGet();
                        ranAt[0] = System.nanoTime();
                      });
              return new SpinningSelectStrategy(0, 500 * MILLI, 5_000 * MILLI)
                  .calculateStrategy(readyAfter(Integer.MAX_VALUE, 1, polls), false);
            });
    assertThat(strategy).as("0 events: go round and run what the action queued").isZero();
    assertThat(runs).hasValue(1);
    assertThat(ranAt[0]).isGreaterThanOrEqualTo(ranAt[1]);
    assertThat(polls.get()).as("it polled for I/O while it waited").isGreaterThan(1);
    assertThat(onLoop(() -> PreciseDeadlines.ofThisThread().isEmpty())).isTrue();
  }

  @Test
  void io_during_the_wait_for_a_deadline_is_returned_first_and_the_action_waits() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    int strategy =
        onLoop(
            () -> {
              // far enough that 20 polls reach the I/O first even when the scheduler takes the core
              // away
              PreciseDeadlines.ofThisThread()
                  .add(System.nanoTime() + 2_000 * MILLI, runs::incrementAndGet);
              try {
                return new SpinningSelectStrategy(0, 3_000 * MILLI, 5_000 * MILLI)
                    .calculateStrategy(readyAfter(20, 1, polls), false);
              } finally {
                PreciseDeadlines.ofThisThread().runDue(Long.MAX_VALUE);
              }
            });
    assertThat(strategy).isEqualTo(1);
    assertThat(polls).hasValue(21);
  }

  @Test
  void a_far_deadline_is_slept_to() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    int strategy =
        onLoop(
            () -> {
              PreciseDeadlines.Deadline far =
                  PreciseDeadlines.ofThisThread()
                      .add(System.nanoTime() + 500 * MILLI, runs::incrementAndGet);
              try {
                return new SpinningSelectStrategy(0, 2 * MILLI)
                    .calculateStrategy(readyAfter(Integer.MAX_VALUE, 1, polls), false);
              } finally {
                PreciseDeadlines.ofThisThread().remove(far);
              }
            });
    assertThat(strategy).isEqualTo(SelectStrategy.SELECT);
    assertThat(runs).hasValue(0);
  }

  @Test
  void out_of_budget_it_sleeps_towards_a_deadline_but_runs_one_already_due() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    int[] seen =
        onLoop(
            () -> {
              // the budget refills at half the time passed and holds at most 10 ms: never 200 ms
              SpinningSelectStrategy strategyUnderTest =
                  new SpinningSelectStrategy(1_000 * MILLI, 500 * MILLI);
              strategyUnderTest.calculateStrategy(
                  readyAfter(Integer.MAX_VALUE, 1, polls), false); // spends the budget
              PreciseDeadlines deadlines = PreciseDeadlines.ofThisThread();
              PreciseDeadlines.Deadline future =
                  deadlines.add(System.nanoTime() + 200 * MILLI, runs::incrementAndGet);
              int towardsFuture =
                  strategyUnderTest.calculateStrategy(
                      readyAfter(Integer.MAX_VALUE, 1, polls), false);
              int runsBefore = runs.get();
              deadlines.remove(future);
              deadlines.add(System.nanoTime() - 1, runs::incrementAndGet);
              int alreadyDue =
                  strategyUnderTest.calculateStrategy(
                      readyAfter(Integer.MAX_VALUE, 1, polls), false);
              return new int[] {towardsFuture, runsBefore, alreadyDue, runs.get()};
            });
    assertThat(seen[0])
        .as("no budget left to poll up to the deadline: sleep")
        .isEqualTo(SelectStrategy.SELECT);
    assertThat(seen[1]).as("not run early").isZero();
    assertThat(seen[2]).as("a due action costs no polling: run it").isZero();
    assertThat(seen[3]).isEqualTo(1);
  }

  @Test
  void polling_stops_when_the_budget_is_spent_and_the_loop_sleeps() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    long[] spent = new long[1];
    int strategy =
        onLoop(
            () -> {
              SpinningSelectStrategy strategyUnderTest =
                  new SpinningSelectStrategy(1_000 * MILLI, 0);
              long start = System.nanoTime();
              int s =
                  strategyUnderTest.calculateStrategy(
                      readyAfter(Integer.MAX_VALUE, 1, polls), false);
              spent[0] = System.nanoTime() - start;
              return s;
            });
    assertThat(strategy).isEqualTo(SelectStrategy.SELECT);
    assertThat(spent[0])
        .as("a 1 s spin is cut at the saved-up budget")
        .isGreaterThanOrEqualTo(SpinningSelectStrategy.BUDGET_CAP_NANOS)
        .isLessThan(500 * MILLI);
  }

  @Test
  void a_failing_action_does_not_stop_the_next_one_or_the_loop() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    int ran =
        onLoop(
            () -> {
              PreciseDeadlines deadlines = PreciseDeadlines.ofThisThread();
              long now = System.nanoTime();
              deadlines.add(
                  now - 2,
                  () -> {
                    throw new IllegalStateException("a stage failed");
                  });
              deadlines.add(now - 1, runs::incrementAndGet);
              return deadlines.runDue(now);
            });
    assertThat(ran).isEqualTo(2);
    assertThat(runs).hasValue(1);
  }

  @Test
  void a_deadline_left_behind_long_ago_is_dropped_not_spun_on() throws Exception {
    boolean empty =
        onLoop(
            () -> {
              PreciseDeadlines deadlines = PreciseDeadlines.ofThisThread();
              long now = System.nanoTime();
              deadlines.add(now - 60 * MILLI, () -> {});
              deadlines.nearest(now);
              return deadlines.isEmpty();
            });
    assertThat(empty).isTrue();
  }
}
