package dev.faultline.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyMojoTest {

  @Test
  void failsListingEachExperimentNotMetWithItsSentenceAndReport(@TempDir Path reports)
      throws Exception {
    new RunSummary.Location(reports)
        .write(
            new RunSummary(
                List.of(
                    new RunSummary.Entry("a", "MET", true, "Met: all 1 checks held (x).", "/r/a"),
                    new RunSummary.Entry(
                        "b", "NOT_MET", false, "Not met: 1 of 2 checks failed (y).", "/r/b.html"),
                    new RunSummary.Entry(
                        "c", "ERROR", false, "No verdict: the target would not start.", "/r/c"))));

    assertThatThrownBy(() -> verify(reports, false).execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            """
            Faultline: 2 of 3 experiments not met:
              b: Not met: 1 of 2 checks failed (y).
                report: /r/b.html
              c: No verdict: the target would not start.
                report: /r/c""");
  }

  @Test
  void passesWhenEveryExperimentWasMet(@TempDir Path reports) throws Exception {
    new RunSummary.Location(reports)
        .write(
            new RunSummary(
                List.of(new RunSummary.Entry("a", "MET", true, "Met: all held.", "/r/a"))));

    verify(reports, false).execute();
  }

  @Test
  void failsWithTheFixWhenGoalRunLeftNoSummary(@TempDir Path reports) {
    assertThatThrownBy(() -> verify(reports, false).execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "Faultline: no "
                + reports.resolve(RunSummary.FILE)
                + "\n    fix: bind goal run before verify (both goals in the plugin's <execution>)");
  }

  @Test
  void skipVerifiesNothing(@TempDir Path reports) throws Exception {
    VerifyMojo mojo = verify(reports, true);

    mojo.execute();

    assertThat(reports.resolve(RunSummary.FILE)).doesNotExist();
  }

  private static VerifyMojo verify(Path reports, boolean skip) {
    VerifyMojo mojo = new VerifyMojo();
    mojo.reportsDirectory = reports.toFile();
    mojo.skip = skip;
    return mojo;
  }
}
