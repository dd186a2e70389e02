package dev.faultline.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LockCyclesTest {

  private static ThreadDetail waiting(
      long id, String name, String lock, String owner, long ownerId, String held) {
    return new ThreadDetail(
        id, name, Thread.State.BLOCKED, false, List.of(), lock, owner, ownerId, List.of(held));
  }

  @Test
  void finds_the_cycle_of_threads_each_waiting_for_the_next_and_describes_it() {
    ThreadDetail bystander = new ThreadDetail(1, "main", Thread.State.RUNNABLE, false, List.of());
    ThreadDetail waiter =
        waiting(4, "queued", "java.lang.Object@a", "left", 2, "java.lang.Object@c");
    ThreadDetail left = waiting(2, "left", "java.lang.Object@b", "right", 3, "java.lang.Object@a");
    ThreadDetail right = waiting(3, "right", "java.lang.Object@a", "left", 2, "java.lang.Object@b");

    List<ThreadDetail> cycle = LockCycles.find(List.of(bystander, waiter, left, right));

    assertThat(cycle).extracting(ThreadDetail::name).containsExactly("left", "right");
    assertThat(LockCycles.describe(cycle))
        .isEqualTo(
            "deadlock of 2 threads: \"left\" (BLOCKED) holds java.lang.Object@a and waits for java.lang.Object@b held by \"right\"; "
                + "\"right\" (BLOCKED) holds java.lang.Object@b and waits for java.lang.Object@a held by \"left\"");
  }

  @Test
  void a_chain_without_a_cycle_is_no_deadlock() {
    ThreadDetail a = waiting(2, "a", "java.lang.Object@b", "b", 3, "x");
    ThreadDetail b = new ThreadDetail(3, "b", Thread.State.RUNNABLE, false, List.of());

    assertThat(LockCycles.find(List.of(a, b))).isEmpty();
  }
}
