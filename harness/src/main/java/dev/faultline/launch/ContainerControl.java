package dev.faultline.launch;

import java.time.Duration;

/**
 * Worker faults on a target that runs as a container ({@code launch: container}), through the
 * Docker API Testcontainers exposes. A fault injector gets it with {@code target instanceof
 * ContainerControl c}; a process target does not implement it.
 *
 * <p>Implementations are thread-safe. Each method returns once Docker has done it; a failure is an
 * {@link dev.faultline.InfrastructureException} naming the target and the container.
 */
public interface ContainerControl {

  /** The container's id. */
  String containerId();

  /** Where other containers of the run reach the target, e.g. {@code counter:8080}. */
  String networkAddress();

  /**
   * {@code docker kill} (SIGKILL): the target is dead until {@link #restart}; {@link
   * Target#isAlive()} turns false.
   */
  void kill();

  /**
   * {@code docker pause} (cgroup freezer): every thread stops, connections stay open; still alive.
   */
  void pause();

  /** {@code docker unpause}; a no-op when not paused. */
  void unpause();

  /** Whether the container is paused now. */
  boolean isPaused();

  /**
   * {@code docker restart} (or start, after a kill) and waits, at most {@code healthyWithin}, until
   * the health path answers 2xx again on the same host port; returns how long that took. Throws
   * {@link TargetStartException} if it does not, or if the target was stopped meanwhile.
   */
  Duration restart(Duration healthyWithin);
}
