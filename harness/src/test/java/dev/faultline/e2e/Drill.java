package dev.faultline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.experiment.FaultSpec;
import dev.faultline.fault.FaultEvents;
import dev.faultline.fault.FaultInjectors;
import dev.faultline.launch.Target;
import dev.faultline.launch.TargetLaunch;
import dev.faultline.launch.Targets;
import dev.faultline.report.JournalEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One experiment's targets, started for real from YAML, and the faults the same YAML declares, for
 * end-to-end tests of the injectors. Closing it stops every target.
 */
final class Drill implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final Experiment experiment;
  final Map<String, Target> targets = new ConcurrentHashMap<>();
  final List<JournalEvent> events = new CopyOnWriteArrayList<>();
  final FaultInjectors injectors;

  private Drill(Experiment experiment) {
    this.experiment = experiment;
    FaultEvents sink =
        (fault, message, data) ->
            events.add(new JournalEvent(Instant.now(), "fault", fault, message, data));
    this.injectors = new FaultInjectors(targets, null, experiment.seed(), sink);
  }

  /** Loads the YAML and starts its targets (in parallel; none of them calls another). */
  static Drill start(Path folder, String yaml) {
    Path file = folder.resolve("drill.yaml");
    try {
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Drill d = new Drill(ExperimentLoader.load(file).experiment());
    Path home = Path.of(System.getProperty("faultline.home"));
    try {
      List<CompletableFuture<Void>> starts =
          d.experiment.targets().entrySet().stream()
              .map(
                  t ->
                      CompletableFuture.runAsync(
                          () ->
                              d.targets.put(
                                  t.getKey(),
                                  Targets.start(
                                      t.getKey(),
                                      t.getValue(),
                                      new TargetLaunch(folder, home, Map.of())))))
              .toList();
      starts.forEach(CompletableFuture::join);
    } catch (RuntimeException e) {
      d.close();
      throw e;
    }
    return d;
  }

  FaultSpec fault(String name) {
    return experiment.faults().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  Target target(String name) {
    return targets.get(name);
  }

  long pid(String target) {
    return targets.get(target).process().orElseThrow().pid();
  }

  static HttpResponse<String> send(URI base, String method, String path, Duration timeout)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(URI base, String method, String path) {
    try {
      HttpResponse<String> r = send(base, method, path, Duration.ofSeconds(5));
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            method + " " + path + " answered " + r.statusCode() + ": " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    targets.values().forEach(Target::close);
  }
}
