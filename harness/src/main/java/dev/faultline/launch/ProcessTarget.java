package dev.faultline.launch;

import static org.awaitility.Awaitility.await;

import dev.faultline.experiment.Durations;
import dev.faultline.experiment.Placeholders;
import dev.faultline.experiment.TargetSpec;
import dev.faultline.process.ChildProcesses;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A target that runs as a child process of the harness on a free loopback port: a built-in target,
 * a jar, or any command. Its output goes to {@code <run>/target-<name>.log}; a built-in target
 * keeps what it stores on disk in {@code <run>/target-<name>-data/} ({@code --faultline.data-dir}),
 * which a restart reuses. Thread-safe.
 */
final class ProcessTarget extends NamedTarget implements Restartable {

  /** Where a built-in target keeps what must survive a restart. */
  static final String DATA_DIR_PROPERTY = "faultline.data-dir";

  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /** How targets' health paths are probed while they start. */
  static final HttpProbe HEALTH = new HttpProbe(Duration.ofSeconds(1), Duration.ofSeconds(1));

  private final TargetSpec spec;
  private final List<String> command;

  /** Guards {@code process} and {@code closed} together, so a restart can never outlive a close. */
  private final Object lifecycle = new Object();

  private volatile Process process;
  private boolean closed;

  private ProcessTarget(
      String name, TargetSpec spec, List<String> command, Process process, int port, Path log) {
    super(name, loopback(port), log);
    this.spec = spec;
    this.command = List.copyOf(command);
    this.process = process;
  }

  /**
   * Starts the process and waits until its health path answers 2xx, or fails with the log's tail.
   */
  static ProcessTarget start(String name, TargetSpec written, TargetLaunch launch) {
    int port = FreePort.pick();
    TargetSpec spec = Placeholders.withOwnPort(written, port);
    List<String> command = command(name, spec, launch, port);
    if (spec.command().isEmpty()) {
      try {
        Files.createDirectories(tmpFolderOf(name, launch));
      } catch (IOException e) {
        throw new TargetStartException(
            name,
            "cannot create its temp folder " + tmpFolderOf(name, launch) + ": " + e.getMessage(),
            e);
      }
    }
    Path log = logOf(name, launch);
    Process process = spawn(name, spec, command, port, ProcessBuilder.Redirect.to(log.toFile()));
    ProcessTarget target = new ProcessTarget(name, spec, command, process, port, log);
    try {
      target.awaitHealthy(spec.health(), spec.startupTimeout());
    } catch (RuntimeException e) {
      target.close();
      throw e;
    }
    return target;
  }

  private static Process spawn(
      String name,
      TargetSpec spec,
      List<String> command,
      int port,
      ProcessBuilder.Redirect output) {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
    builder.environment().putAll(spec.env());
    builder.environment().put("FAULTLINE_PORT", String.valueOf(port));
    builder.environment().put("PORT", String.valueOf(port));
    try {
      return ChildProcesses.register("target " + name, builder.start());
    } catch (IOException e) {
      throw new TargetStartException(
          name, "could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Duration restart() {
    long t0 = System.nanoTime();
    Process old = process;
    if (old.isAlive()) {
      old.destroyForcibly();
      try {
        if (!old.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new TargetStartException(
              name,
              "pid "
                  + old.pid()
                  + " survived SIGKILL for "
                  + Durations.format(STOP_GRACE)
                  + "; not restarting beside it");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TargetStartException(
            name, "interrupted while waiting for pid " + old.pid() + " to die before a restart", e);
      }
    }
    synchronized (lifecycle) {
      if (closed) {
        throw new TargetStartException(name, "was stopped; a stopped target is not restarted");
      }
      appendToLog(
          "faultline: restarting target "
              + name
              + " on "
              + baseUrl
              + " (previous pid "
              + old.pid()
              + ")");
      // Same command, same port: proxies and load keep pointing at it. The log continues.
      process =
          spawn(
              name,
              spec,
              command,
              baseUrl.getPort(),
              ProcessBuilder.Redirect.appendTo(log.toFile()));
    }
    awaitHealthy(spec.health(), spec.startupTimeout());
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  private void appendToLog(String line) {
    try {
      Files.writeString(
          log, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException ignored) {
      // A missing marker line in the log is not worth failing a restart.
    }
  }

  static Path logOf(String name, TargetLaunch launch) {
    return launch.runFolder().resolve("target-" + name + ".log");
  }

  /**
   * Beside the log: the JVM's {@code java.io.tmpdir}, made before it starts, so nothing it writes
   * is left in /tmp.
   */
  static Path tmpFolderOf(String name, TargetLaunch launch) {
    return launch.runFolder().resolve("target-" + name + "-tmp");
  }

  /**
   * Beside the log. The built-in target creates it when it has something to keep (durable
   * counters).
   */
  static Path dataFolderOf(String name, TargetLaunch launch) {
    return launch.runFolder().resolve("target-" + name + "-data");
  }

  /**
   * A {@code jar:} path: relative to the Faultline home if the jar is there (the repository's
   * examples), else to the folder faultline runs in, where a {@code command:} runs too (a user's
   * own build, with the unpacked distribution as the home).
   */
  static Path ownJar(String jar, Path home) {
    Path inHome = home.resolve(jar);
    return Files.isRegularFile(inHome) ? inHome : Path.of(jar).toAbsolutePath();
  }

  /**
   * The command line; {@link #restart()} runs it again as it is, so a restarted target finds its
   * data folder.
   */
  static List<String> command(String name, TargetSpec spec, TargetLaunch launch, int port) {
    List<String> cmd = new ArrayList<>();
    if (!spec.command().isEmpty()) {
      spec.command().forEach(arg -> cmd.add(arg.replace("${port}", String.valueOf(port))));
      return cmd;
    }
    Path jar = spec.jar() != null ? ownJar(spec.jar(), launch.home()) : launch.builtinJar();
    if (!Files.isRegularFile(jar)) {
      throw new TargetStartException(
          name,
          spec.jar() == null
              ? "no jar at "
                  + jar
                  + "; build the built-in targets first: ./mvnw -q -DskipTests package"
              : "no jar at "
                  + launch.home().resolve(spec.jar())
                  + " nor at "
                  + jar
                  + "; check the jar path in the experiment (relative to the Faultline home, or to"
                  + " the folder faultline runs in)");
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Dfaultline.parent-pid=" + ProcessHandle.current().pid());
    // Tomcat's base and docbase folders (and any other temp file) go to the run folder, not /tmp.
    cmd.add("-Djava.io.tmpdir=" + tmpFolderOf(name, launch).toAbsolutePath());
    if (spec.builtin() != null) {
      // Short-lived services: a fast start matters more than peak throughput.
      cmd.add("-XX:TieredStopAtLevel=1");
      cmd.add("-XX:+UseSerialGC");
      cmd.add("-Xshare:auto");
      if (spec.jar() == null) {
        Optional<TargetLaunch.ClassArchive> archive = launch.builtinClassArchive();
        if (archive.isPresent()) {
          cmd.add("-XX:SharedArchiveFile=" + archive.get().archive());
          jar = archive.get().jar();
        }
      }
    }
    cmd.addAll(spec.jvmArgs());
    cmd.add("-jar");
    cmd.add(jar.toString());
    if (spec.builtin() != null) {
      cmd.add("--faultline.service=" + spec.builtin());
      if (spec.variant() != null) {
        cmd.add("--faultline.variant=" + spec.variant());
      }
    }
    cmd.add("--server.port=" + port);
    cmd.add("--server.address=127.0.0.1");
    if (spec.builtin() != null && !spec.properties().containsKey(DATA_DIR_PROPERTY)) {
      // Spring joins a repeated --key with commas: an experiment's own data-dir replaces ours
      // instead.
      cmd.add("--" + DATA_DIR_PROPERTY + "=" + dataFolderOf(name, launch).toAbsolutePath());
    }
    for (Map.Entry<String, String> p : launch.extraProperties().entrySet()) {
      cmd.add("--" + p.getKey() + "=" + p.getValue());
    }
    for (Map.Entry<String, String> p : spec.properties().entrySet()) {
      cmd.add("--" + p.getKey() + "=" + p.getValue());
    }
    return cmd;
  }

  private void awaitHealthy(String healthPath, Duration timeout) {
    URI health = baseUrl.resolve(healthPath);
    HealthAnswers answers = new HealthAnswers(name, healthPath);
    try {
      await("target " + name + " healthy at " + health)
          .atMost(timeout)
          .pollDelay(Duration.ofMillis(200))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                Process process = this.process;
                if (!process.isAlive()) {
                  throw new TargetStartException(
                      name,
                      "exited with code "
                          + process.exitValue()
                          + " before it became healthy; last lines of "
                          + log
                          + ":\n"
                          + LogTail.of(log, 25));
                }
                return answers.healthy(HEALTH.status(health));
              });
    } catch (ConditionTimeoutException e) {
      throw new TargetStartException(
          name,
          "not healthy at "
              + health
              + " within "
              + Durations.format(timeout)
              + answers.lastAnswer()
              + "; raise startup-timeout or look at the last lines of "
              + log
              + ":\n"
              + LogTail.of(log, 25),
          e);
    }
  }

  @Override
  public Optional<ProcessHandle> process() {
    return Optional.of(process.toHandle());
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    Process current;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      current = process;
    }
    ChildProcesses.stop(current, STOP_GRACE);
  }

  @Override
  public String toString() {
    return "target " + name + " (pid " + process.pid() + ", " + baseUrl + ")";
  }
}
