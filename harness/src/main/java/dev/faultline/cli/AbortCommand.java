package dev.faultline.cli;

import dev.faultline.gameday.GameDayAddress;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code faultline abort}: presses the running game day's ABORT from the console. */
@Command(
    name = "abort",
    description = {
      "End the running game day: every fault rolls back, load and targets stop, the report is written.",
      "Finds it through gameday.json in the reports folder."
    })
final class AbortCommand implements Callable<Integer> {

  private static final Duration ENDED_BOUND = Duration.ofSeconds(60);

  @Option(
      names = "--reports",
      paramLabel = "<dir>",
      description =
          "The game day's reports folder (default: ./reports with the distribution, reports/ of the checkout with ./faultline).")
  Path reports;

  @Override
  public Integer call() throws InterruptedException {
    Path folder = reports != null ? reports : FaultlineCli.reports();
    Optional<GameDayAddress> found = GameDayAddress.find(folder);
    if (found.isEmpty()) {
      System.err.println(
          "faultline abort: no game day runs with the reports folder "
              + folder
              + " (no "
              + GameDayAddress.FILE
              + " there)");
      return 1;
    }
    GameDayAddress a = found.get();
    HttpRequest request =
        HttpRequest.newBuilder(a.abortUrl())
            .timeout(Duration.ofSeconds(30))
            .header("X-Faultline-Token", a.token())
            .header("Cookie", "faultline_session=console")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      System.out.println(
          "faultline abort: "
              + a.experiment()
              + " at "
              + a.url()
              + " answered "
              + r.statusCode()
              + ": "
              + r.body());
      if (r.statusCode() != 200) {
        return FaultlineCli.INFRASTRUCTURE;
      }
    } catch (IOException e) {
      boolean alive = ProcessHandle.of(a.pid()).map(ProcessHandle::isAlive).orElse(false);
      System.err.println(
          "faultline abort: the game day at "
              + a.url()
              + " does not answer ("
              + e.getMessage()
              + "); "
              + (alive
                  ? "its process "
                      + a.pid()
                      + " is alive: send it SIGTERM (kill "
                      + a.pid()
                      + "), which rolls back too"
                  : "its process "
                      + a.pid()
                      + " is gone; delete "
                      + folder.resolve(GameDayAddress.FILE)));
      return FaultlineCli.INFRASTRUCTURE;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(a.pid());
    if (process.isPresent() && a.pid() != ProcessHandle.current().pid()) {
      try {
        process.get().onExit().get(ENDED_BOUND.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        System.err.println(
            "faultline abort: the game day (pid "
                + a.pid()
                + ") still runs after "
                + ENDED_BOUND.toSeconds()
                + " s; its faults are rolled back");
        return FaultlineCli.INFRASTRUCTURE;
      }
    }
    System.out.println(
        "faultline abort: every fault rolled back; report: "
            + Path.of(a.runFolder()).resolve("index.html"));
    return 0;
  }
}
