package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.launch.PlainJdkService;
import dev.faultline.report.JournalEvent;
import dev.faultline.report.RunRecord;
import dev.faultline.report.Verdict;
import dev.faultline.run.Console;
import dev.faultline.run.ExperimentRun;
import dev.faultline.run.RunOptions;
import dev.faultline.run.Suite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a plain JDK service lacks is said before any load is sent, with the fix. */
class PreflightIT {

  @TempDir Path dir;

  private RunRecord run(String yaml, ByteArrayOutputStream console) throws IOException {
    Path file = dir.resolve("preflight.yaml");
    Files.writeString(file, yaml);
    return new ExperimentRun(
            ExperimentLoader.load(file),
            new RunOptions(
                dir.resolve("reports"),
                E2eSupport.home(),
                new Console(new PrintStream(console, true, StandardCharsets.UTF_8))))
        .execute();
  }

  private static String commandOf(List<String> command) {
    return command.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", ", "[", "]"));
  }

  private static void assertNoLoadWasSent(RunRecord run) throws IOException {
    assertThat(run.events())
        .extracting(JournalEvent::message)
        .noneMatch(m -> m.startsWith("load starts"));
    Path outcomes = run.folder().resolve("outcomes.jsonl");
    assertThat(Files.exists(outcomes) ? Files.readAllLines(outcomes) : List.of())
        .as("requests sent")
        .isEmpty();
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void
      an_assault_on_a_service_without_chaos_monkey_fails_before_any_request_with_the_dependency_to_add()
          throws IOException {
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    RunRecord run =
        run(
            """
                name: e2e-assault-plain
                targets:
                  plain: {command: %s, health: /work}
                load:
                  - {name: work, target: plain, request: GET /work, workload: closed, users: 2, duration: 3s}
                faults:
                  - {name: slow-controllers, at: 1s, assault: {target: plain, latency: {min: 100ms, max: 200ms}}}
                checks:
                  - invariant: {target: plain, request: GET /work, path: $.x, equals: "1"}
                """
                .formatted(commandOf(PlainJdkService.command())),
            console);

    assertThat(run.verdict()).as(console.toString(StandardCharsets.UTF_8)).isEqualTo(Verdict.ERROR);
    assertThat(Suite.exitCode(List.of(run))).isEqualTo(3);
    assertThat(run.error())
        .isEqualTo(
            "fault slow-controllers: target plain has no Chaos Monkey for Spring Boot endpoint "
                + "(GET /actuator/chaosmonkey/watchers answered 404), so the assault cannot be switched on; nothing was sent. "
                + "Add the dependency de.codecentric:chaos-monkey-spring-boot (the release for your Spring Boot) and start the service with "
                + "spring.profiles.active=chaos-monkey, chaos.monkey.enabled=false (Faultline enables it during the fault), "
                + "management.endpoint.chaosmonkey.access=unrestricted (Spring Boot 3.4+; before: management.endpoint.chaosmonkey.enabled=true) and "
                + "management.endpoints.web.exposure.include=health,chaosmonkey — for a jar target, under properties:");
    assertNoLoadWasSent(run);
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void
      a_thread_check_on_a_url_target_without_a_thread_dump_fails_before_load_saying_how_to_expose_one()
          throws IOException {
    HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    service.createContext(
        "/work",
        exchange -> {
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    service.start();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try {
      RunRecord run =
          run(
              """
                    name: e2e-unobservable
                    targets:
                      attached: {url: "http://127.0.0.1:%d", health: /work}
                    load:
                      - {name: work, target: attached, request: GET /work, workload: closed, users: 2, duration: 3s}
                    checks:
                      - no-deadlock: {target: attached, load: work}
                    """
                  .formatted(service.getAddress().getPort()),
              console);

      assertThat(run.verdict())
          .as(console.toString(StandardCharsets.UTF_8))
          .isEqualTo(Verdict.ERROR);
      assertThat(run.error())
          .startsWith(
              "no-deadlock needs the threads of target attached, and they cannot be seen (checked before load; nothing was sent): ")
          .contains("/actuator/threaddump answered HTTP 404")
          .endsWith(
              "fix: for a process Faultline starts, run the harness as the same user on a JDK (the Attach API); "
                  + "for a url target, expose Spring Boot's thread dump: management.endpoints.web.exposure.include=health,threaddump");
      assertNoLoadWasSent(run);
    } finally {
      service.stop(0);
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void a_thread_check_on_a_started_process_says_before_load_that_it_attaches() throws IOException {
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    RunRecord run =
        run(
            """
                name: e2e-observable
                targets:
                  plain: {command: %s, health: /work}
                load:
                  - {name: work, target: plain, request: GET /work, workload: closed, users: 2, duration: 2s, max-requests: 200}
                checks:
                  - no-deadlock: {target: plain, load: work}
                """
                .formatted(commandOf(PlainJdkService.command())),
            console);

    String printed = console.toString(StandardCharsets.UTF_8);
    assertThat(run.verdict()).as(printed).isEqualTo(Verdict.MET);
    assertThat(printed)
        .contains("preflight: no-deadlock sees the threads of target plain through ");
    assertThat(printed.indexOf("preflight: no-deadlock"))
        .as("said before load")
        .isLessThan(printed.indexOf("load running"));
  }
}
