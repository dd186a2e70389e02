package dev.faultline.gameday;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.experiment.LoadedExperiment;
import dev.faultline.report.RunRecord;
import dev.faultline.run.Console;
import dev.faultline.run.RunOptions;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A game day of the test experiment (the locked counter behind a proxy, 30 req/s), run in this JVM.
 */
final class GameDayFixture implements AutoCloseable {

  static final String PROXY = "counter-front";

  final GameDay gameDay;
  final CompletableFuture<RunRecord> ended;
  final ToxiproxyClient toxiproxy;
  final Path reports;

  private GameDayFixture(GameDay gameDay, Path reports) {
    this.gameDay = gameDay;
    this.reports = reports;
    this.ended = CompletableFuture.supplyAsync(gameDay::awaitEnd);
    URI api = gameDay.toxiproxyApi();
    this.toxiproxy = new ToxiproxyClient(api.getHost(), api.getPort());
  }

  static GameDayFixture open(Path dir) {
    Path reports = dir.resolve("reports");
    LoadedExperiment loaded = ExperimentLoader.load(experimentFile());
    return new GameDayFixture(
        GameDay.open(loaded, new RunOptions(reports, home(), new Console(System.out)), 0), reports);
  }

  static Path experimentFile() {
    try {
      return Path.of(GameDayFixture.class.getResource("counter-gameday.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path home() {
    return Path.of(System.getProperty("faultline.home", "..")).toAbsolutePath().normalize();
  }

  /** The toxics on the proxy now, as the Toxiproxy API reports them. */
  List<? extends Toxic> toxics() throws IOException {
    return toxiproxy.getProxy(PROXY).toxics().getAll();
  }

  /** POSTs an action with the page's token, as the page would. */
  HttpResponse<String> post(String path) throws IOException, InterruptedException {
    GameDayAddress a = GameDayAddress.find(reports).orElseThrow();
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(a.url()).resolve(path))
                .header(RoomServer.TOKEN_HEADER, a.token())
                .header("Cookie", RoomServer.SESSION_COOKIE + "=fixture")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  RunRecord awaitRecord() throws Exception {
    return ended.get(90, TimeUnit.SECONDS);
  }

  static String journalOf(RunRecord record) throws IOException {
    Path journal = record.folder().resolve("journal.json");
    assertThat(journal).as("journal written").exists();
    return Files.readString(journal);
  }

  @Override
  public void close()
      throws java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
    gameDay.end("the test ended");
    try {
      ended.get(90, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Duration bound(int seconds) {
    return Duration.ofSeconds(seconds);
  }
}
