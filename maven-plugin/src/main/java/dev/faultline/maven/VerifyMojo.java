package dev.faultline.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Fails the build when an experiment goal {@code run} ran did not meet its expectation, listing
 * each with its verdict sentence and report. Runs after {@code post-integration-test}, as
 * Failsafe's {@code verify} does, so nothing of the runs is left running when the build fails. It
 * only reads a file, so it is thread-safe.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends FaultlineMojo {

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("Faultline: skipped (faultline.skip)");
      return;
    }
    RunSummary summary = summary().read();
    if (summary == null) {
      throw new MojoFailureException(
          "Faultline: no "
              + summary().file()
              + "\n    fix: bind goal run before verify (both goals in the plugin's <execution>)");
    }
    if (!summary.notMet().isEmpty()) {
      throw new MojoFailureException(failure(summary));
    }
    getLog()
        .info(
            "Faultline: "
                + summary.runs().size()
                + " of "
                + summary.runs().size()
                + " experiments met");
  }

  static String failure(RunSummary summary) {
    StringBuilder text =
        new StringBuilder("Faultline: ")
            .append(summary.notMet().size())
            .append(" of ")
            .append(summary.runs().size())
            .append(summary.runs().size() == 1 ? " experiment" : " experiments")
            .append(" not met:");
    for (RunSummary.Entry run : summary.notMet()) {
      text.append("\n  ")
          .append(run.experiment())
          .append(": ")
          .append(run.sentence())
          .append("\n    report: ")
          .append(run.report());
    }
    return text.toString();
  }
}
