package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.check.CheckResult;
import dev.faultline.report.JournalReader;
import dev.faultline.report.RunRecord;
import dev.faultline.report.Verdict;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's acceptance on an ordinary Spring Boot web application (examples/spring-web-app:
 * Tomcat, HikariCP, H2) that the user started themselves and Faultline attaches to by URL: its
 * threads are seen through the actuator's thread dump, whose request is served by a Tomcat worker
 * that is new and busy while Tomcat's pool grows — the harness observing itself. Five runs, each
 * with more users than the last so that Tomcat's pool grows in every one, must all pass
 * no-thread-leak. The application listens on 127.0.0.1:18080, the port examples/attached-url.yaml
 * names, and that example runs first, as its comments tell a user to.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class AttachedSpringAppIT {

  private static final int RUNS = 5;

  @TempDir static Path dir;
  static Process app;
  static int port;

  @BeforeAll
  static void startTheApplicationAsAUserWould() throws IOException {
    Path jar = E2eSupport.home().resolve("examples/spring-web-app/target/spring-web-app.jar");
    assertThat(jar).as("the example application is built by ./mvnw package").isRegularFile();
    port = 18080;
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(s.getLocalPort())
          .as("127.0.0.1:18080 is free for the example application")
          .isEqualTo(port);
    }
    app =
        new ProcessBuilder(
                "java",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--payments.latency=50ms",
                "--logging.level.root=WARN")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("app.log").toFile())
            .start();
    HttpClient http = HttpClient.newHttpClient();
    await("the attached application is up")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(300))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                            HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
  }

  @AfterAll
  static void stopIt() throws InterruptedException {
    if (app != null) {
      app.destroy();
      if (!app.waitFor(20, TimeUnit.SECONDS)) {
        app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void
      the_attached_example_passes_and_tomcats_growing_pool_and_the_harness_own_thread_dump_requests_are_no_leak_five_runs_of_five()
          throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--reports",
                dir.resolve("reports").toString(),
                "examples/attached-url.yaml"));
    for (int run = 1; run <= RUNS; run++) {
      args.add(experiment(run, 20 * run).toString());
    }
    try (CliProcess cli =
        CliProcess.startIn(E2eSupport.home(), E2eSupport.home(), args.toArray(String[]::new))) {
      assertThat(cli.process().waitFor(12, TimeUnit.MINUTES))
          .as("the runs ended; printed:\n" + cli.output())
          .isTrue();
    }

    List<RunRecord> records = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir.resolve("reports"))) {
      for (Path folder : s.filter(Files::isDirectory).sorted().toList()) {
        records.add(JournalReader.read(folder.resolve("journal.json")));
      }
    }
    assertThat(records).hasSize(RUNS + 1);
    List<CheckResult> leakChecks =
        records.stream()
            .flatMap(r -> r.checks().stream())
            .filter(c -> c.kind().equals("no-thread-leak"))
            .toList();
    records.forEach(r -> System.out.println(r.experiment() + ": " + r.verdictSentence()));
    leakChecks.forEach(c -> System.out.println("  " + c.observed()));
    assertThat(leakChecks)
        .as("no-thread-leak of every run")
        .hasSize(RUNS + 1)
        .allSatisfy(c -> assertThat(c.passed()).as(c.summary() + "\n" + c.evidence()).isTrue());
    assertThat(leakChecks)
        .as("Tomcat's request pool grew under load in some run and stayed")
        .anySatisfy(
            c ->
                assertThat(c.evidence()).anyMatch(l -> l.startsWith("grew and stayed: http-nio-")));
    assertThat(leakChecks)
        .as("the evidence says what of the observation was left out")
        .allSatisfy(
            c ->
                assertThat(c.evidence())
                    .anyMatch(l -> l.contains("serving Faultline's own thread dump")));
    assertThat(records).extracting(RunRecord::verdict).as("verdicts").containsOnly(Verdict.MET);
  }

  private static Path experiment(int run, int users) throws IOException {
    Path file = dir.resolve("attached-" + run + ".yaml");
    Files.writeString(
        file,
        """
                name: attached-orders-%d
                description: "The orders application attached by url under %d users."
                expect: pass
                seed: %d
                request-timeout: 3s
                budget: 2m
                targets:
                  orders:
                    url: http://127.0.0.1:%d
                load:
                  - name: place-orders
                    target: orders
                    request: POST /orders?customer=attached-${op}&sku=kettle&quantity=1
                    workload: closed
                    users: %d
                    ramp: 1s
                    duration: 5s
                    max-requests: 5000
                checks:
                  - no-thread-leak:
                      target: orders
                      settle: 5s
                  - no-deadlock:
                      target: orders
                      bound: 15s
                """
            .formatted(run, users, run, port, users));
    return file;
  }
}
