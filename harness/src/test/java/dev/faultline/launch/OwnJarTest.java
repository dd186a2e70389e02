package dev.faultline.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Where a {@code jar:} target's relative path points: the home first, then the working folder. */
@Timeout(10)
class OwnJarTest {

  @TempDir Path home;

  @Test
  void a_jar_in_the_home_is_taken_from_there() throws IOException {
    Path jar = Files.createDirectories(home.resolve("app/target")).resolve("app.jar");
    Files.writeString(jar, "not really a jar");

    assertThat(ProcessTarget.ownJar("app/target/app.jar", home)).isEqualTo(jar);
  }

  @Test
  void a_jar_not_in_the_home_is_taken_from_the_working_folder() {
    // The test runs in the harness module's folder, which holds pom.xml; the home does not.
    assertThat(ProcessTarget.ownJar("pom.xml", home))
        .isEqualTo(Path.of("pom.xml").toAbsolutePath())
        .isRegularFile();
  }

  @Test
  void an_absolute_path_is_itself() {
    Path elsewhere = home.resolveSibling("elsewhere.jar").toAbsolutePath();

    assertThat(ProcessTarget.ownJar(elsewhere.toString(), home)).isEqualTo(elsewhere);
  }
}
