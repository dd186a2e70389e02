package dev.faultline.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs a test class on the JUnit Jupiter engine, as a build would, and reads how tests ended. */
final class KitRuns {

  private KitRuns() {}

  /** The test events of running {@code tests}. */
  static Events run(Class<?> tests) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(tests))
        .execute()
        .testEvents();
  }

  /** What the first failed test threw. */
  static Throwable firstFailure(Events tests) {
    return failureOf(tests.failed().list().get(0));
  }

  /** What a finished test threw. */
  static Throwable failureOf(Event finished) {
    return finished
        .getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .orElseThrow();
  }
}
