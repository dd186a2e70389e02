package dev.faultline.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a Faultline experiment file as part of a test, and fails the test, with an {@link
 * org.opentest4j.AssertionFailedError} giving the verdict sentence and {@code report: <path>}, when
 * the experiment is not met.
 *
 * <ul>
 *   <li>On a test method: the experiment runs once for that test, after its {@code @BeforeEach}
 *       methods and before its body; the body runs only when it was met, and may take the {@link
 *       dev.faultline.api.RunResult} as a parameter.
 *   <li>On a test class: the experiment runs once for the whole class, after its {@code @BeforeAll}
 *       methods (so a service they start is up), just before its first test; each test of the class
 *       passes or fails on that one run, and may take its {@code RunResult}. A test method's own
 *       annotation takes its place for that method.
 * </ul>
 *
 * <p>Either way, a test may take a {@link FaultlineRuns} parameter to load and run experiments in
 * code, for example with a target attached at the URL of a service the test started.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FaultlineExtension.class)
public @interface FaultlineExperiment {

  /**
   * The experiment file, relative to the working directory (the project's folder under Maven's
   * Surefire and Failsafe), e.g. {@code src/test/faultline/orders-under-latency.yaml}.
   */
  String value();

  /**
   * Where run folders go, relative to the working directory: each run's {@code index.html}, {@code
   * journal.json} and {@code junit.xml}, and the history of every run there.
   */
  String reports() default "target/faultline";
}
