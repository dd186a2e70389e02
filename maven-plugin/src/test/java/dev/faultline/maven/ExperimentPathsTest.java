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

class ExperimentPathsTest {

  @Test
  void withoutTheParameterTheYamlFilesOfSrcFaultlineInNameOrder(@TempDir Path project)
      throws Exception {
    Path folder = Files.createDirectories(project.resolve("src/faultline"));
    Files.writeString(folder.resolve("b.yml"), "");
    Files.writeString(folder.resolve("a.yaml"), "");
    Files.writeString(folder.resolve("notes.txt"), "");
    Files.createDirectories(folder.resolve("nested.yaml"));

    assertThat(ExperimentPaths.of(project, null))
        .containsExactly(folder.resolve("a.yaml"), folder.resolve("b.yml"));
  }

  @Test
  void filesAndFoldersRelativeToTheProject(@TempDir Path project) throws Exception {
    Path one = Files.writeString(project.resolve("one.yaml"), "");
    Path folder = Files.createDirectories(project.resolve("more"));
    Path two = Files.writeString(folder.resolve("two.yaml"), "");

    assertThat(ExperimentPaths.of(project, List.of(new File("one.yaml"), new File("more"))))
        .containsExactly(one, two);
  }

  @Test
  void aMissingPathFailsWithTheFix(@TempDir Path project) {
    assertThatThrownBy(() -> ExperimentPaths.of(project, List.of(new File("nope.yaml"))))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "Faultline: experiments: no file or folder "
                + project.resolve("nope.yaml")
                + "\n    fix: put experiments in src/faultline, or name them in the plugin's"
                + " <experiments>; -Dfaultline.skip skips the goals");
  }

  @Test
  void aFolderWithoutExperimentsFailsWithTheFix(@TempDir Path project) throws Exception {
    Files.createDirectories(project.resolve("src/faultline"));

    assertThatThrownBy(() -> ExperimentPaths.of(project, List.of()))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "Faultline: no experiment files (*.yaml) in ["
                + project.resolve("src/faultline")
                + "]\n    fix: put experiments in src/faultline, or name them in the plugin's"
                + " <experiments>; -Dfaultline.skip skips the goals");
  }
}
