package dev.faultline.builtin;

import dev.faultline.builtin.support.ParentWatchdog;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of the Faultline targets: one Spring Boot application that hosts exactly one service,
 * chosen with {@code --faultline.service}, in the variant chosen with {@code --faultline.variant}.
 *
 * <p>Not instantiated; thread-safety does not apply.
 */
@SpringBootApplication
public class FaultlineTargetsApplication {

  private FaultlineTargetsApplication() {}

  /**
   * Starts the parent watchdog first (so a harness that dies during our startup still takes us
   * down), then the application.
   *
   * @param args Spring Boot command-line arguments, e.g. {@code --faultline.service=counter}
   */
  public static void main(String[] args) {
    ParentWatchdog.startFromSystemProperty();
    SpringApplication.run(FaultlineTargetsApplication.class, args);
  }
}
