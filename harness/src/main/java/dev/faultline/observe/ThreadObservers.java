package dev.faultline.observe;

import dev.faultline.launch.Target;
import java.net.URI;

/**
 * Picks how to look at a target's threads: attach when Faultline runs its process here, else its
 * actuator.
 */
public final class ThreadObservers {

  private ThreadObservers() {}

  /**
   * Attaches to the target's process (JMX via the Attach API) when there is one; when attaching
   * fails, or the target is only a URL, reads its {@code /actuator/threaddump}. Throws {@link
   * ObserveException} saying both reasons when neither works.
   */
  public static ThreadObserver forTarget(Target target) {
    String attachFailure = null;
    if (target.process().isPresent()) {
      try {
        return attach(target.process().get().pid());
      } catch (ObserveException e) {
        attachFailure = "attach failed (" + e.getMessage() + ")";
      }
    }
    try {
      return ActuatorThreadObserver.connect(target.baseUrl(), attachFailure);
    } catch (ObserveException e) {
      throw new ObserveException(
          "target "
              + target.name()
              + ": its threads cannot be seen: "
              + (attachFailure != null ? attachFailure + "; and " : "it is attached by URL, and ")
              + e.getMessage(),
          e);
    }
  }

  /** Looks at the local JVM {@code pid} through the Attach API and JMX. */
  public static ThreadObserver attach(long pid) {
    return JmxThreadObserver.attach(pid);
  }

  /** Looks at a Spring Boot service's threads through {@code /actuator/threaddump}. */
  public static ThreadObserver actuator(URI baseUrl) {
    return ActuatorThreadObserver.connect(baseUrl, null);
  }
}
