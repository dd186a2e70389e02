package dev.faultline.e2e.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.faultline.container.ContainerSession;
import dev.faultline.experiment.Launch;
import dev.faultline.experiment.TargetSpec;
import dev.faultline.launch.ContainerControl;
import dev.faultline.launch.Target;
import dev.faultline.launch.TargetLaunch;
import dev.faultline.launch.Targets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What worker-fault injectors get from a container target: docker pause, kill and restart,
 * observable over HTTP.
 */
class ContainerControlIT {

  private static final Path HOME =
      Path.of(System.getProperty("faultline.home", "..")).toAbsolutePath().normalize();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  @TempDir Path runFolder;

  @BeforeEach
  void dockerAndImagesAreHere() {
    DockerForTests.requireDockerAndImages();
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aPausedContainerHangsAKilledOneDiesAndARestartedOneAnswersOnTheSamePortWithItsStateLost()
      throws Exception {
    TargetSpec spec =
        new TargetSpec(
            "counter",
            "locked",
            List.of(),
            null,
            null,
            Launch.CONTAINER,
            null,
            "/actuator/health",
            Duration.ofSeconds(90),
            Map.of(),
            Map.of(),
            List.of(),
            List.of());
    try (ContainerSession session =
            ContainerSession.open("control-test-" + ProcessHandle.current().pid());
        Target target =
            Targets.start("counter", spec, new TargetLaunch(runFolder, HOME, Map.of(), session))) {
      ContainerControl control = (ContainerControl) target;
      URI increment = target.baseUrl().resolve("/counter/increment");
      assertThat(post(increment)).contains("\"value\":1");
      assertThat(target.process()).as("no host process for a container").isEmpty();
      assertThat(control.networkAddress()).isEqualTo("counter:8080");

      control.pause();
      assertThat(control.isPaused()).isTrue();
      assertThat(target.isAlive()).as("paused is not dead").isTrue();
      assertThatThrownBy(() -> post(increment))
          .as("a frozen target answers nothing")
          .isInstanceOf(HttpTimeoutException.class);
      control.unpause();
      assertThat(post(increment))
          .as("answers again after unpause (the increment sent while paused may have been applied)")
          .containsPattern("\"value\":[23]\\b");

      control.kill();
      await("the killed container is seen dead")
          .atMost(Duration.ofSeconds(10))
          .until(() -> !target.isAlive());

      Duration took = control.restart(Duration.ofSeconds(90));
      assertThat(target.isAlive()).isTrue();
      assertThat(post(increment))
          .as("same URL after restart; in-memory state is gone")
          .contains("\"value\":1");
      Path log = target.log().orElseThrow();
      await("the restarted container's output in " + log)
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  Files.readString(log)
                      .matches("(?s).*--- restarted by Faultline at .*Faultline target ready.*"));
      System.out.println("restart to healthy took " + took.toMillis() + " ms");
    }
    assertThat(DockerForTests.leftoversOfRun("control-test-" + ProcessHandle.current().pid()))
        .isEmpty();
  }

  private static String post(URI uri) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(2))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
