package dev.faultline.e2e;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A child process that deadlocks two threads on purpose: "left" takes A then B, "right" takes B
 * then A, each after the other holds its first lock. Prints "deadlocked" when both hold one lock,
 * then exits by itself after two minutes, in case the test that started it could not stop it.
 */
public final class Deadlocker {

  private static final Object A = new Object();
  private static final Object B = new Object();

  private Deadlocker() {}

  public static void main(String[] args) throws InterruptedException {
    CountDownLatch bothHoldOne = new CountDownLatch(2);
    Thread left = new Thread(() -> grab(A, B, bothHoldOne), "left");
    Thread right = new Thread(() -> grab(B, A, bothHoldOne), "right");
    left.setDaemon(true);
    right.setDaemon(true);
    left.start();
    right.start();
    bothHoldOne.await();
    System.out.println("deadlocked pid " + ProcessHandle.current().pid());
    System.out.flush();
    left.join(TimeUnit.MINUTES.toMillis(2));
  }

  private static void grab(Object first, Object second, CountDownLatch bothHoldOne) {
    synchronized (first) {
      bothHoldOne.countDown();
      try {
        bothHoldOne.await();
      } catch (InterruptedException e) {
        return;
      }
      synchronized (second) {
        System.out.println("never: " + Thread.currentThread().getName() + " got both");
      }
    }
  }
}
