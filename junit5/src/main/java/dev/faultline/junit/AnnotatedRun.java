package dev.faultline.junit;

import dev.faultline.api.Faultline;
import dev.faultline.api.RunResult;
import dev.faultline.api.RunSettings;
import java.nio.file.Path;

/**
 * The one run of an annotated experiment: its result, or what stopped it from running (an invalid
 * file), so that every test of a class sees the same outcome and none runs it again.
 *
 * @param result the run's result; null when it could not run
 * @param failure what stopped it; null when it ran
 */
record AnnotatedRun(RunResult result, RuntimeException failure) {

  static AnnotatedRun of(Path file, RunSettings settings) {
    try {
      return new AnnotatedRun(Faultline.run(Faultline.load(file), settings), null);
    } catch (RuntimeException e) {
      return new AnnotatedRun(null, e);
    }
  }

  /** The run's result; throws what stopped it when it could not run. */
  RunResult resultOrThrow() {
    if (failure != null) {
      throw failure;
    }
    return result;
  }
}
