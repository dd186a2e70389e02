package dev.faultline.gameday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.report.RunRecord;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The room in headless Chromium (Debian's chromium + chromium-driver, driven by Selenium): switch a
 * latency fault on from the page, see the toxic through the Toxiproxy API and the latency rise on
 * the chart, press ABORT, see every fault gone and the report written with the manual actions.
 * Keeps a screenshot of the live page during the fault in {@code target/gameday/live-room.png}.
 */
class LiveRoomBrowserIT {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path dir;

  @BeforeAll
  static void chromiumIsInstalled() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String why =
        "needs "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + " (apt-get install -y chromium chromium-driver)";
    if ("true".equals(System.getenv("CI"))) {
      assertThat(installed).as("CI installs Chromium for this test: " + why).isTrue();
    }
    Assumptions.assumeTrue(installed, "skipped: " + why);
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void a_person_switches_latency_on_sees_it_on_the_chart_and_aborts_every_fault_away()
      throws Exception {
    WebDriver browser = null;
    try (GameDayFixture room = GameDayFixture.open(dir)) {
      browser = chromium(Files.createDirectories(dir.resolve("chromium-profile")));
      browser.get(room.gameDay.url().toString());
      JavascriptExecutor js = (JavascriptExecutor) browser;
      WebDriver b = browser;
      await("the throughput chart draws the load")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  points(b, "#chart-throughput polyline.ok") >= 3
                      && last(b, "#chart-throughput polyline.ok") > 0);
      await("p50 settles after warm-up, before any fault")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  last(b, "#chart-latency polyline.p50") >= 0
                      && last(b, "#chart-latency polyline.p50") < 150);

      int pointsAtSwitch = points(browser, "#chart-latency polyline.p50");
      browser.findElement(By.cssSelector("button[data-fault='slow-answers']")).click();

      await("the latency toxic appears through the Toxiproxy API")
          .atMost(Duration.ofSeconds(15))
          .until(() -> room.toxics().stream().anyMatch(t -> t.getName().equals("slow-answers")));
      Toxic toxic =
          room.toxics().stream()
              .filter(t -> t.getName().equals("slow-answers"))
              .findFirst()
              .orElseThrow();
      assertThat(toxic).isInstanceOf(Latency.class);
      assertThat(((Latency) toxic).getLatency()).isEqualTo(400);
      await("p50 rises on the latency chart")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> last(b, "#chart-latency polyline.p50") > 300);
      assertThat(
              browser.findElements(
                  By.cssSelector("#chart-latency rect.band[data-fault='slow-answers']")))
          .as("the fault's window is shaded as it happens")
          .isNotEmpty();
      assertThat(browser.findElement(By.cssSelector("#fault-slow-answers .remaining")).getText())
          .startsWith("rolls itself back in");

      WebElement note = browser.findElement(By.id("note-text"));
      note.sendKeys("p50 near 400 ms while slow-answers is on; no errors");
      browser.findElement(By.id("note-add")).click();
      await("the note is on the page's timeline")
          .atMost(Duration.ofSeconds(10))
          .until(() -> b.findElement(By.id("timeline")).getText().contains("p50 near 400 ms"));
      await("ten seconds of the fault on the chart")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> points(b, "#chart-latency polyline.p50") >= pointsAtSwitch + 10);
      screenshot(browser);

      browser.findElement(By.id("abort")).click();

      await("every toxic gone after ABORT")
          .atMost(Duration.ofSeconds(15))
          .until(() -> room.toxics().isEmpty());
      RunRecord record = room.awaitRecord();
      await("the page says the game day ended")
          .atMost(Duration.ofSeconds(15))
          .until(() -> b.findElement(By.id("ended")).getText().contains("Report:"));
      assertThat(js.executeScript("return window.gameday.state.ended")).isEqualTo(true);
      assertThat(record.verdictSentence()).startsWith("Game day ended: ABORT by session ");
      String journal = GameDayFixture.journalOf(record);
      assertThat(journal)
          .contains(
              "switched on by hand, time box 45s",
              "ABORT pressed",
              "p50 near 400 ms while slow-answers is on");
      String report = Files.readString(record.folder().resolve("index.html"));
      assertThat(report)
          .contains(
              "Game day · actions and notes",
              "switched on by hand",
              "p50 near 400 ms while slow-answers is on");
    } finally {
      if (browser != null) {
        browser.quit();
      }
    }
  }

  static WebDriver chromium(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1440,1300",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  private static int points(WebDriver b, String css) {
    String v = attribute(b, css, "data-points");
    return v == null ? 0 : Integer.parseInt(v);
  }

  /** The last value a chart line drew, from its data-last attribute; -1 before it draws. */
  private static double last(WebDriver b, String css) {
    String v = attribute(b, css, "data-last");
    return v == null ? -1 : Double.parseDouble(v);
  }

  /**
   * Reads an attribute in one script call: the charts are redrawn every second, so a held element
   * goes stale.
   */
  private static String attribute(WebDriver b, String css, String name) {
    Object v =
        ((JavascriptExecutor) b)
            .executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
                css,
                name);
    return v == null ? null : v.toString();
  }

  private static void screenshot(WebDriver browser) throws Exception {
    Path png =
        Files.createDirectories(Path.of("target", "gameday"))
            .resolve("live-room.png")
            .toAbsolutePath();
    Files.write(
        png, ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    System.out.println("screenshot of the live room: " + png);
  }
}
