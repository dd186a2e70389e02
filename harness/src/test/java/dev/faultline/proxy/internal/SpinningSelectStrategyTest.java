package dev.faultline.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The wait policy of a data-plane loop. Each case runs on its own thread, because
 * {@link PreciseDeadlines} belong to the thread, as they do to an event loop's.
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
    return CompletableFuture.supplyAsync(() -> {
      try {
        return work.call();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, loop).get(8, TimeUnit.SECONDS);
  }

  /** Reports no events for {@code quietPolls} polls, then {@code events}. */
  private static IntSupplier readyAfter(int quietPolls, int events, AtomicInteger polls) {
    return () -> polls.incrementAndGet() > quietPolls ? events : 0;
  }

  @Test
  void events_ready_at_once_are_returned_without_waiting() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    int strategy = onLoop(() -> new SpinningSelectStrategy(50_000, 0).calculateStrategy(readyAfter(0, 3, polls), false));
    assertThat(strategy).isEqualTo(3);
    assertThat(polls).hasValue(1);
  }

  @Test
  void pending_tasks_never_spin() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    int strategy = onLoop(() -> new SpinningSelectStrategy(50 * MILLI, 0).calculateStrategy(readyAfter(1_000_000, 1, polls), true));
    assertThat(strategy).isZero();
    assertThat(polls).hasValue(1);
  }

  @Test
  void an_event_during_the_io_spin_is_caught_without_sleeping() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    int strategy = onLoop(() -> new SpinningSelectStrategy(5_000 * MILLI, 0).calculateStrategy(readyAfter(50, 2, polls), false));
    assertThat(strategy).isEqualTo(2);
    assertThat(polls).hasValue(51);
  }

  @Test
  void with_nothing_to_do_it_sleeps_once_the_io_spin_is_over() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    long[] spent = new long[1];
    int strategy = onLoop(() -> {
      long start = System.nanoTime();
      int s = new SpinningSelectStrategy(2 * MILLI, 0).calculateStrategy(readyAfter(Integer.MAX_VALUE, 1, polls), false);
      spent[0] = System.nanoTime() - start;
      return s;
    });
    assertThat(strategy).isEqualTo(SelectStrategy.SELECT);
    assertThat(spent[0]).isGreaterThanOrEqualTo(2 * MILLI);
    assertThat(polls.get()).isGreaterThan(1);
  }

  @Test
  void a_near_precise_deadline_is_polled_up_to_and_then_handed_to_the_loop() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    long[] returnedAt = new long[2];
    int strategy = onLoop(() -> {
      long due = System.nanoTime() + 3 * MILLI;
      PreciseDeadlines.ofThisThread().add(due);
      try {
        int s = new SpinningSelectStrategy(0, 5 * MILLI).calculateStrategy(readyAfter(Integer.MAX_VALUE, 1, polls), false);
        returnedAt[0] = System.nanoTime();
        returnedAt[1] = due;
        return s;
      } finally {
        PreciseDeadlines.ofThisThread().remove(due);
      }
    });
    assertThat(strategy).as("0 events: go round and run the timer").isZero();
    assertThat(returnedAt[0]).isGreaterThanOrEqualTo(returnedAt[1]);
  }

  @Test
  void a_far_deadline_is_slept_to() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    int strategy = onLoop(() -> {
      long due = System.nanoTime() + 500 * MILLI;
      PreciseDeadlines.ofThisThread().add(due);
      try {
        return new SpinningSelectStrategy(0, 2 * MILLI).calculateStrategy(readyAfter(Integer.MAX_VALUE, 1, polls), false);
      } finally {
        PreciseDeadlines.ofThisThread().remove(due);
      }
    });
    assertThat(strategy).isEqualTo(SelectStrategy.SELECT);
  }

  @Test
  void polling_stops_when_the_budget_is_spent_and_the_loop_sleeps() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    long[] spent = new long[1];
    int strategy = onLoop(() -> {
      SpinningSelectStrategy strategyUnderTest = new SpinningSelectStrategy(1_000 * MILLI, 0);
      long start = System.nanoTime();
      int s = strategyUnderTest.calculateStrategy(readyAfter(Integer.MAX_VALUE, 1, polls), false);
      spent[0] = System.nanoTime() - start;
      return s;
    });
    assertThat(strategy).isEqualTo(SelectStrategy.SELECT);
    assertThat(spent[0]).as("a 1 s spin is cut at the saved-up budget")
        .isGreaterThanOrEqualTo(SpinningSelectStrategy.BUDGET_CAP_NANOS)
        .isLessThan(500 * MILLI);
  }

  @Test
  void a_deadline_left_behind_long_ago_is_dropped_not_spun_on() throws Exception {
    boolean empty = onLoop(() -> {
      PreciseDeadlines deadlines = PreciseDeadlines.ofThisThread();
      long now = System.nanoTime();
      deadlines.add(now - 60 * MILLI);
      deadlines.nearest(now);
      return deadlines.isEmpty();
    });
    assertThat(empty).isTrue();
  }
}
