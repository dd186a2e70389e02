package dev.faultline.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMojoTest {

  @Test
  void anInvalidExperimentFailsTheBuildWithTheLoadersMessagesAndStartsNothing(@TempDir Path project)
      throws Exception {
    Path folder = Files.createDirectories(project.resolve("src/faultline"));
    Files.writeString(
        folder.resolve("broken.yaml"),
        """
        name: broken
        expect: pass
        targets:
          app: {jar: target/app.jar}
        load:
          - {target: app, request: GET /, rate: 5/s, duraton: 2s}
        checks:
          - no-deadlock: {target: app}
        """);
    RunMojo mojo = run(project);

    String file = folder.resolve("broken.yaml").toString();
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "2 errors in experiment files:\n"
                + file
                + ":6:5: load[0].duration: required field \"duration\" is missing\n"
                + "    fix: add \"duration: a duration such as 500ms, 2s or 1m\" under load[0]\n"
                + file
                + ":6:46: load[0].duraton: unknown field \"duraton\"\n"
                + "    fix: did you mean \"duration\"?\n"
                + "Nothing was started.");
    assertThat(project.resolve("target/faultline")).doesNotExist();
  }

  @Test
  void skipRunsNothing(@TempDir Path project) throws Exception {
    RunMojo mojo = run(project);
    mojo.skip = true;
    mojo.experiments = List.of(new File("no-such-folder"));

    mojo.execute();

    assertThat(project.resolve("target")).doesNotExist();
  }

  private static RunMojo run(Path project) {
    RunMojo mojo = new RunMojo();
    mojo.basedir = project.toFile();
    mojo.home = project.toFile();
    mojo.reportsDirectory = project.resolve("target/faultline").toFile();
    mojo.junitDirectory = project.resolve("target/failsafe-reports").toFile();
    return mojo;
  }
}
