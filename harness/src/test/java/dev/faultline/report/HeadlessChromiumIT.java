package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.process.ChildProcesses;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a real failing run's report in headless Chromium: it loads from file:// with no console
 * error, shows the verdict, and draws the timeline. The screenshot is kept in {@code
 * target/chromium/failing-run.png} for a person (and CI) to look at.
 */
class HeadlessChromiumIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Duration BOUND = Duration.ofSeconds(90);

  @TempDir Path temp;

  @BeforeAll
  static void chromiumIsInstalled() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "skipped: /usr/bin/chromium is not installed (apt-get install -y chromium); CI installs it, so this runs there");
  }

  private Path failingReport() {
    return RunReports.write(
        SampleRuns.failing(temp.resolve("reports/20250314-092653-counter-lost-updates")));
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void the_report_loads_without_console_errors_and_shows_the_verdict_and_the_timeline()
      throws Exception {
    Chromium run = chromium("--dump-dom", failingReport().toUri().toString());

    assertThat(run.consoleLines())
        .as("console messages (errors, blocked or missing resources)")
        .isEmpty();
    assertThat(run.stdout())
        .contains(
            "Not met: counter-adds-up failed: 126 increments were lost under the slow-downstream fault.")
        .contains("<svg class=\"timeline\"")
        .contains("<polyline class=\"p99\"")
        .contains("<rect class=\"band\"")
        .contains("<rect class=\"ok\"");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void the_screenshot_of_a_failing_run_is_not_blank() throws Exception {
    Path png =
        Files.createDirectories(Path.of("target", "chromium"))
            .resolve("failing-run.png")
            .toAbsolutePath();
    Files.deleteIfExists(png);

    chromium("--screenshot=" + png, "--window-size=1280,2000", failingReport().toUri().toString());

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(distinctColours(image))
        .as("a blank page has one colour; the verdict, pills and chart have many")
        .isGreaterThan(50);
    assertThat(isRedSomewhere(image)).as("the not-met verdict is coloured").isTrue();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void the_console_scan_does_see_an_error_when_a_page_has_one() throws Exception {
    Path broken =
        Files.writeString(
            temp.resolve("broken.html"),
            "<html><body><script>undefinedFunction();</script></body></html>");

    Chromium run = chromium("--dump-dom", broken.toUri().toString());

    assertThat(run.consoleLines())
        .as("a scan that cannot fail proves nothing")
        .singleElement()
        .asString()
        .contains("Uncaught ReferenceError: undefinedFunction is not defined");
  }

  private record Chromium(String stdout, List<String> consoleLines) {}

  private Chromium chromium(String... arguments) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--enable-logging=stderr",
                "--v=0",
                "--user-data-dir=" + Files.createTempDirectory(temp, "chromium-profile")));
    command.addAll(List.of(arguments));
    Path out = temp.resolve("chromium.out");
    Path err = temp.resolve("chromium.err");
    Process process =
        ChildProcesses.register(
            "headless chromium",
            new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start());
    try {
      assertThat(process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS))
          .as("chromium finished within %s", BOUND)
          .isTrue();
    } finally {
      ChildProcesses.stop(process, Duration.ofSeconds(5));
    }
    assertThat(process.exitValue())
        .as("chromium exit code; stderr: %s", Files.readString(err))
        .isZero();
    List<String> console =
        Files.readAllLines(err).stream().filter(line -> line.contains(":CONSOLE")).toList();
    return new Chromium(Files.readString(out), console);
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  private static boolean isRedSomewhere(BufferedImage image) {
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r > 180 && g < 80 && b < 80) {
          return true;
        }
      }
    }
    return false;
  }
}
