package dev.faultline.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LockBlockersTest {

  @Test
  void a_thread_parked_on_a_locks_synchronizer_waits_for_that_lock() {
    assertThat(LockBlockers.isLock("java.util.concurrent.locks.ReentrantLock$NonfairSync"))
        .isTrue();
    assertThat(LockBlockers.isLock("java.util.concurrent.locks.ReentrantReadWriteLock$FairSync"))
        .isTrue();
    assertThat(LockBlockers.isLock("java.util.concurrent.locks.StampedLock")).isTrue();
    assertThat(LockBlockers.isLock("com.acme.ledger.LedgerLock")).isTrue();
    assertThat(LockBlockers.lockName("java.util.concurrent.locks.ReentrantLock$NonfairSync"))
        .isEqualTo("java.util.concurrent.locks.ReentrantLock");
  }

  @Test
  void a_thread_waiting_for_work_or_a_result_is_not_contending_for_a_lock() {
    assertThat(
            LockBlockers.isLock(
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject"))
        .as("an idle pool worker waits on its queue's condition")
        .isFalse();
    assertThat(LockBlockers.isLock("java.util.concurrent.CountDownLatch$Sync")).isFalse();
    assertThat(LockBlockers.isLock("java.util.concurrent.Semaphore$NonfairSync")).isFalse();
    assertThat(LockBlockers.isLock("java.util.concurrent.FutureTask")).isFalse();
    assertThat(LockBlockers.isLock(null)).isFalse();
  }
}
