package dev.faultline.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.experiment.Launch;
import dev.faultline.experiment.TargetSpec;
import dev.faultline.process.ExitGuardian;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Starting users' own commands and jars, failing clearly, and never leaving a process behind. */
class TargetLaunchIT {

  private static final Path HOME =
      Path.of(System.getProperty("faultline.home", "..")).toAbsolutePath().normalize();

  @TempDir Path run;

  private static TargetSpec command(List<String> command, String health, Duration startup) {
    return new TargetSpec(
        null,
        null,
        command,
        null,
        null,
        Launch.PROCESS,
        null,
        health,
        startup,
        Map.of(),
        Map.of(),
        List.of(),
        List.of());
  }

  private TargetLaunch launch() {
    return new TargetLaunch(run, HOME, Map.of());
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void a_users_command_starts_on_the_chosen_port_and_close_stops_it() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    TargetSpec spec =
        command(
            List.of(
                java,
                "-jar",
                HOME.resolve("builtin/target/faultline-builtin.jar").toString(),
                "--faultline.service=counter",
                "--server.port=${port}"),
            "/actuator/health",
            Duration.ofSeconds(60));

    Target t = Targets.start("mine", spec, launch());
    ProcessHandle process = t.process().orElseThrow();
    try {
      assertThat(t.baseUrl().getHost()).isEqualTo("127.0.0.1");
      assertThat(ProcessTarget.HEALTH.answers2xx(t.baseUrl().resolve("/counter"))).isTrue();
      assertThat(run.resolve("target-mine.log")).content().contains("Faultline target ready");
    } finally {
      t.close();
    }
    assertThat(process.isAlive()).isFalse();
    assertThat(t.isAlive()).isFalse();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void
      a_service_without_the_default_health_path_fails_at_once_naming_the_path_not_after_the_startup_timeout() {
    TargetSpec spec =
        command(PlainJdkService.command(), "/actuator/health", Duration.ofSeconds(60));
    long t0 = System.nanoTime();

    TargetStartException e =
        catchThrowableOfType(
            TargetStartException.class, () -> Targets.start("plain", spec, launch()));

    assertThat(e.getMessage())
        .isEqualTo(
            "target plain: GET /actuator/health answered 404: set `health:` to a path your service answers 2xx on");
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .as("the 60 s startup timeout was not waited out")
        .isLessThan(Duration.ofSeconds(10));
    assertThat(liveChildrenButTheGuardian()).as("the service was stopped").isZero();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void a_service_with_its_own_health_path_starts() {
    Target t =
        Targets.start(
            "plain", command(PlainJdkService.command(), "/work", Duration.ofSeconds(50)), launch());
    t.close();

    assertThat(t.isAlive()).isFalse();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void a_command_that_exits_early_fails_at_once_with_its_last_log_lines() {
    TargetSpec spec =
        command(
            List.of("sh", "-c", "echo 'cannot open database: permission denied'; exit 7"),
            "/health",
            Duration.ofSeconds(20));

    TargetStartException e =
        catchThrowableOfType(TargetStartException.class, () -> Targets.start("db", spec, launch()));

    assertThat(e.target()).isEqualTo("db");
    assertThat(e.getMessage())
        .startsWith("target db: exited with code 7 before it became healthy; last lines of ")
        .contains("| cannot open database: permission denied");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void a_command_that_never_becomes_healthy_is_stopped_after_its_startup_timeout() {
    TargetSpec spec = command(List.of("sleep", "600"), "/health", Duration.ofSeconds(2));
    long before = liveChildrenButTheGuardian();

    TargetStartException e =
        catchThrowableOfType(
            TargetStartException.class, () -> Targets.start("slow", spec, launch()));

    assertThat(e.getMessage())
        .startsWith("target slow: not healthy at http://127.0.0.1:")
        .contains("within 2s (nothing answered on its port); raise startup-timeout");
    assertThat(liveChildrenButTheGuardian()).as("the sleep was stopped").isEqualTo(before);
  }

  /**
   * The exit guardian stays for the JVM's life by design: it is what stops children after a
   * SIGKILL.
   */
  private static long liveChildrenButTheGuardian() {
    long guardian = ExitGuardian.pid().orElse(-1);
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.pid() != guardian)
        .count();
  }

  @Test
  void a_missing_jar_says_how_to_fix_it() {
    TargetSpec spec =
        new TargetSpec(
            null,
            null,
            List.of(),
            "nowhere/app.jar",
            null,
            Launch.PROCESS,
            null,
            "/health",
            Duration.ofSeconds(5),
            Map.of(),
            Map.of(),
            List.of(),
            List.of());

    TargetStartException e =
        catchThrowableOfType(
            TargetStartException.class, () -> Targets.start("app", spec, launch()));

    assertThat(e.getMessage())
        .isEqualTo(
            "target app: no jar at "
                + HOME.resolve("nowhere/app.jar")
                + " nor at "
                + Path.of("nowhere/app.jar").toAbsolutePath()
                + "; check the jar path in the experiment (relative to the Faultline home, or to"
                + " the folder faultline runs in)");
  }

  @Test
  void a_builtin_target_keeps_its_data_beside_its_log_and_a_users_command_gets_no_such_argument() {
    TargetSpec builtin =
        new TargetSpec(
            "counter",
            "durable",
            List.of(),
            null,
            null,
            Launch.PROCESS,
            null,
            "/actuator/health",
            Duration.ofSeconds(60),
            Map.of(),
            Map.of(),
            List.of(),
            List.of());
    TargetSpec mine =
        command(List.of("my-service", "--port=${port}"), "/health", Duration.ofSeconds(5));

    assertThat(ProcessTarget.command("counter", builtin, launch(), 4242))
        .contains("--faultline.data-dir=" + run.resolve("target-counter-data").toAbsolutePath());
    assertThat(ProcessTarget.logOf("counter", launch()))
        .isEqualTo(run.resolve("target-counter.log"));
    assertThat(ProcessTarget.command("mine", mine, launch(), 4242))
        .containsExactly("my-service", "--port=4242");
  }

  @Test
  void an_experiments_own_data_dir_replaces_the_run_folders() {
    TargetSpec builtin =
        new TargetSpec(
            "counter",
            "durable",
            List.of(),
            null,
            null,
            Launch.PROCESS,
            null,
            "/actuator/health",
            Duration.ofSeconds(60),
            Map.of("faultline.data-dir", "/var/tmp/mine"),
            Map.of(),
            List.of(),
            List.of());

    assertThat(ProcessTarget.command("counter", builtin, launch(), 4242))
        .filteredOn(arg -> arg.startsWith("--faultline.data-dir="))
        .as("one value: Spring would join two with a comma")
        .containsExactly("--faultline.data-dir=/var/tmp/mine");
  }

  @Test
  void
      a_builtin_target_starts_from_the_class_archive_made_by_this_jvm_and_from_the_jar_without_one()
          throws Exception {
    Path home = run.resolve("home");
    Path cds = Files.createDirectories(home.resolve("builtin/target/cds"));
    Files.writeString(home.resolve("builtin/target/faultline-builtin.jar"), "jar");
    TargetSpec builtin =
        new TargetSpec(
            "counter",
            "locked",
            List.of(),
            null,
            null,
            Launch.PROCESS,
            null,
            "/actuator/health",
            Duration.ofSeconds(60),
            Map.of(),
            Map.of(),
            List.of(),
            List.of());
    TargetLaunch launch = new TargetLaunch(run, home, Map.of());

    assertThat(ProcessTarget.command("counter", builtin, launch, 4242))
        .as("no archive: the plain jar")
        .contains(home.resolve("builtin/target/faultline-builtin.jar").toString())
        .noneMatch(arg -> arg.startsWith("-XX:SharedArchiveFile="));

    Files.writeString(cds.resolve("faultline-builtin.jar"), "extracted");
    Path archive =
        Files.writeString(
            cds.resolve("faultline-builtin-" + System.getProperty("java.vm.version") + ".jsa"),
            "archive");
    assertThat(ProcessTarget.command("counter", builtin, launch, 4242))
        .contains(
            "-XX:SharedArchiveFile=" + archive, cds.resolve("faultline-builtin.jar").toString())
        .doesNotContain(home.resolve("builtin/target/faultline-builtin.jar").toString());

    Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(0));
    assertThat(ProcessTarget.command("counter", builtin, launch, 4242))
        .as("an archive older than the jar is stale")
        .noneMatch(arg -> arg.startsWith("-XX:SharedArchiveFile="));
  }
}
