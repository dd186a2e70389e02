package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.check.CheckResult;
import dev.faultline.check.CheckStatus;
import dev.faultline.check.Checks;
import dev.faultline.experiment.CheckSpecs;
import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import dev.faultline.observe.DeadlockReport;
import dev.faultline.observe.DeadlockWatch;
import dev.faultline.observe.ThreadDetail;
import dev.faultline.observe.ThreadObserver;
import dev.faultline.observe.ThreadObservers;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class NoDeadlockIT {

  @TempDir Path folder;
  private Process deadlocker;

  @BeforeEach
  void startDeadlocker() throws Exception {
    Path classes =
        Path.of(Deadlocker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path out = folder.resolve("deadlocker.log");
    deadlocker =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classes.toString(),
                Deadlocker.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    await("the child to deadlock")
        .atMost(Duration.ofSeconds(30))
        .until(() -> Files.readString(out).contains("deadlocked"));
  }

  @AfterEach
  void stopDeadlocker() throws InterruptedException {
    deadlocker.destroyForcibly();
    deadlocker.waitFor();
  }

  @Test
  void attach_finds_the_cycle_with_who_holds_what_and_who_waits_for_it() {
    try (ThreadObserver observer = ThreadObservers.attach(deadlocker.pid())) {
      DeadlockReport r = observer.deadlocks();

      assertThat(r.found()).isTrue();
      assertThat(r.threadNames()).containsExactly("left", "right");
      assertThat(r.description())
          .startsWith("deadlock of 2 threads: ")
          .contains("\"left\" (BLOCKED) holds java.lang.Object@")
          .contains("and waits for java.lang.Object@")
          .contains("held by \"right\"")
          .contains("held by \"left\"");
      ThreadDetail left =
          r.cycle().stream().filter(t -> t.name().equals("left")).findFirst().orElseThrow();
      assertThat(left.stack().get(0))
          .startsWith("dev.faultline.e2e.Deadlocker.grab(Deadlocker.java:");
      assertThat(left.lockedMonitors()).hasSize(1);
    }
  }

  @Test
  void the_no_deadlock_check_fails_on_what_the_watch_saw_during_load_and_reports_the_cycle() {
    try (ThreadObserver observer = ThreadObservers.attach(deadlocker.pid())) {
      DeadlockWatch watch = DeadlockWatch.start("deadlocker", observer, Duration.ofMillis(200));
      await("a sample of the watch")
          .atMost(Duration.ofSeconds(20))
          .until(() -> watch.findings().samples() >= 2);
      DeadlockWatch.Findings during = watch.stop();
      List<RequestOutcome> requests =
          List.of(new RequestOutcome("load", "op-1", 0, 5_000, 200, Outcome.OK, null));

      CheckResult r =
          Checks.of(new CheckSpecs.NoDeadlock(null, "deadlocker", null, Duration.ofSeconds(30)))
              .evaluate(
                  ObservedContext.of(URI.create("http://127.0.0.1:9"))
                      .withRequests(requests)
                      .withThreads(observer, null)
                      .withDeadlockSamples(during));
      Evidence.show(r);

      assertThat(during.cycles())
          .as("the same cycle, sampled again and again, is kept once")
          .hasSize(1);
      assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
      assertThat(r.evidence().get(0)).startsWith("deadlock of 2 threads: ");
      assertThat(r.evidence().get(1))
          .startsWith("  left (id ")
          .contains("BLOCKED, daemon) waits for java.lang.Object@")
          .contains("held by right, holds java.lang.Object@")
          .contains("at dev.faultline.e2e.Deadlocker.grab(Deadlocker.java:");
    }
  }

  @Test
  void a_process_that_cannot_be_attached_gives_a_message_that_says_why() throws IOException {
    long gone = ProcessHandle.current().pid() + 1_000_000;

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ThreadObservers.attach(gone))
        .hasMessageStartingWith("cannot attach to pid " + gone + " (")
        .hasMessageContaining("the Attach API needs a JVM of the same user");
  }
}
