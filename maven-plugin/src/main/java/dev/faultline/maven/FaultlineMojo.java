package dev.faultline.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/** What both goals share: where the reports are and whether to skip. Not thread-safe. */
abstract class FaultlineMojo extends AbstractMojo {

  /** Where run folders, the history page and the summary for {@code verify} go. */
  @Parameter(
      property = "faultline.reportsDirectory",
      defaultValue = "${project.build.directory}/faultline")
  File reportsDirectory;

  /** Skips both goals: nothing is started, nothing is verified. */
  @Parameter(property = "faultline.skip", defaultValue = "false")
  boolean skip;

  RunSummary.Location summary() {
    return new RunSummary.Location(reportsDirectory.toPath());
  }
}
