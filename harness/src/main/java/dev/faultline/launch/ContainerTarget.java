package dev.faultline.launch;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Frame;
import dev.faultline.InfrastructureException;
import dev.faultline.container.ContainerSession;
import dev.faultline.container.FaultlineImages;
import dev.faultline.experiment.Durations;
import dev.faultline.experiment.Placeholders;
import dev.faultline.experiment.TargetSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.core.ConditionTimeoutException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A target that runs as a container of the run's {@link ContainerSession}: a built-in target from
 * {@code faultline/targets}, or the user's image. Inside it listens on 0.0.0.0:{@value #PORT}; on
 * the host it is published on 127.0.0.1 only, on a port fixed for the run so a restart keeps it.
 * Other containers reach it as {@code <name>:8080}. Its output goes to {@code
 * <run>/target-<name>.log}; a built-in target keeps its data in {@value #DATA_DIR} inside the
 * container, which a restart keeps. Thread-safe.
 */
final class ContainerTarget extends NamedTarget implements ContainerControl, Restartable {

  /**
   * The port a target listens on inside its container; user images get it as PORT and
   * FAULTLINE_PORT.
   */
  static final int PORT = 8080;

  /** Where a built-in target keeps what must survive a restart, inside its container. */
  static final String DATA_DIR = "/tmp/faultline-data";

  private final GenericContainer<?> container;
  private final TargetSpec spec;
  private final OutputStream logStream;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ContainerTarget(
      String name,
      GenericContainer<?> container,
      TargetSpec spec,
      int hostPort,
      Path log,
      OutputStream logStream) {
    super(name, loopback(hostPort), log);
    this.container = container;
    this.spec = spec;
    this.logStream = logStream;
  }

  /**
   * Starts the container and returns once its health path answers 2xx; fails with the log's tail.
   */
  static ContainerTarget start(
      String name, TargetSpec written, TargetLaunch launch, ContainerSession session) {
    TargetSpec spec = Placeholders.withOwnPort(written, PORT);
    DockerImageName image =
        spec.image() != null ? DockerImageName.parse(spec.image()) : FaultlineImages.targets();
    Path log = launch.runFolder().resolve("target-" + name + ".log");
    OutputStream logStream = openLog(name, log);
    GenericContainer<?> container =
        new GenericContainer<>(image)
            .withExposedPorts(PORT)
            .withEnv(environment(spec))
            .withLogConsumer(frame -> append(logStream, frame))
            .waitingFor(
                Wait.forHttp(spec.health())
                    .forPort(PORT)
                    .forStatusCodeMatching(code -> code / 100 == 2)
                    .withStartupTimeout(spec.startupTimeout()));
    List<String> command = command(spec, launch);
    if (!command.isEmpty()) {
      container.withCommand(command.toArray(String[]::new));
    }
    int hostPort = FreePort.pick();
    try {
      session.start(container, name, Map.of(PORT, hostPort));
    } catch (RuntimeException e) {
      closeQuietly(logStream);
      throw new TargetStartException(
          name,
          "the container from "
              + image.asCanonicalNameString()
              + " did not become healthy at "
              + spec.health()
              + " within "
              + Durations.format(spec.startupTimeout())
              + ": "
              + rootMessage(e)
              + "; last lines of "
              + log
              + ":\n"
              + LogTail.of(log, 25),
          e);
    }
    return new ContainerTarget(name, container, spec, hostPort, log, logStream);
  }

  /**
   * Spring arguments for built-in targets (as in process mode, but on 0.0.0.0 inside); the user's
   * command for images.
   */
  private static List<String> command(TargetSpec spec, TargetLaunch launch) {
    List<String> cmd = new ArrayList<>();
    if (spec.builtin() == null) {
      spec.command().forEach(arg -> cmd.add(arg.replace("${port}", String.valueOf(PORT))));
      return cmd;
    }
    cmd.add("--faultline.service=" + spec.builtin());
    if (spec.variant() != null) {
      cmd.add("--faultline.variant=" + spec.variant());
    }
    cmd.add("--server.port=" + PORT);
    cmd.add("--server.address=0.0.0.0");
    if (!spec.properties().containsKey(ProcessTarget.DATA_DIR_PROPERTY)) {
      // The container's own file system survives docker kill and restart, as a disk would.
      cmd.add("--" + ProcessTarget.DATA_DIR_PROPERTY + "=" + DATA_DIR);
    }
    launch.extraProperties().forEach((k, v) -> cmd.add("--" + k + "=" + v));
    spec.properties().forEach((k, v) -> cmd.add("--" + k + "=" + v));
    return cmd;
  }

  /**
   * JVM options travel as JAVA_TOOL_OPTIONS; a user image's Spring properties as
   * SPRING_APPLICATION_JSON is left to the image.
   */
  private static Map<String, String> environment(TargetSpec spec) {
    Map<String, String> env = new LinkedHashMap<>(spec.env());
    env.put("PORT", String.valueOf(PORT));
    env.put("FAULTLINE_PORT", String.valueOf(PORT));
    if (!spec.jvmArgs().isEmpty()) {
      env.put("JAVA_TOOL_OPTIONS", String.join(" ", spec.jvmArgs()));
    }
    return env;
  }

  private static OutputStream openLog(String name, Path log) {
    try {
      return Files.newOutputStream(log);
    } catch (IOException e) {
      throw new TargetStartException(
          name, "cannot write its log " + log + ": " + e.getMessage(), e);
    }
  }

  private static void append(OutputStream out, OutputFrame frame) {
    byte[] bytes = frame.getBytes();
    if (bytes == null) {
      return;
    }
    synchronized (out) {
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        // The log is closed (target stopped) or the disk is full; the target itself is unaffected.
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
  }

  @Override
  public boolean isAlive() {
    try {
      return !closed.get() && Boolean.TRUE.equals(state().getRunning());
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public String containerId() {
    return container.getContainerId();
  }

  @Override
  public String networkAddress() {
    return name + ":" + PORT;
  }

  @Override
  public void kill() {
    docker("kill", d -> d.killContainerCmd(containerId()).exec());
  }

  @Override
  public void pause() {
    docker("pause", d -> d.pauseContainerCmd(containerId()).exec());
  }

  @Override
  public void unpause() {
    if (isPaused()) {
      docker("unpause", d -> d.unpauseContainerCmd(containerId()).exec());
    }
  }

  @Override
  public boolean isPaused() {
    return Boolean.TRUE.equals(state().getPaused());
  }

  /** {@link Restartable}: a restart bounded by the target's startup timeout. */
  @Override
  public Duration restart() {
    return restart(spec.startupTimeout());
  }

  @Override
  public Duration restart(Duration healthyWithin) {
    if (closed.get()) {
      throw new TargetStartException(name, "was stopped; a stopped target is not restarted");
    }
    long t0 = System.nanoTime();
    unpause();
    int since = (int) Instant.now().getEpochSecond();
    docker("restart", d -> d.restartContainerCmd(containerId()).withTimeout(0).exec());
    followLogSince(since);
    URI health = baseUrl.resolve(spec.health());
    try {
      await("target " + name + " healthy again at " + health)
          .atMost(healthyWithin)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> ProcessTarget.HEALTH.answers2xx(health));
    } catch (ConditionTimeoutException e) {
      throw new TargetStartException(
          name,
          "not healthy at "
              + health
              + " within "
              + Durations.format(healthyWithin)
              + " of its restart; last lines of "
              + log
              + ":\n"
              + LogTail.of(log, 25),
          e);
    }
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  /** Testcontainers' log stream ends with the container; a restarted one is followed anew. */
  private void followLogSince(int epochSecond) {
    synchronized (logStream) {
      try {
        logStream.write(
            ("--- restarted by Faultline at " + Instant.now() + " ---\n")
                .getBytes(StandardCharsets.UTF_8));
      } catch (IOException ignored) {
        // The log is closed: the target is being stopped.
      }
    }
    container
        .getDockerClient()
        .logContainerCmd(containerId())
        .withStdOut(true)
        .withStdErr(true)
        .withFollowStream(true)
        .withSince(epochSecond)
        .exec(
            new ResultCallback.Adapter<Frame>() {
              @Override
              public void onNext(Frame frame) {
                synchronized (logStream) {
                  try {
                    logStream.write(frame.getPayload());
                    logStream.flush();
                  } catch (IOException ignored) {
                    // As in append().
                  }
                }
              }
            });
  }

  private InspectContainerResponse.ContainerState state() {
    return container.getDockerClient().inspectContainerCmd(containerId()).exec().getState();
  }

  private interface DockerCall {
    void run(DockerClient docker);
  }

  private void docker(String what, DockerCall call) {
    try {
      call.run(container.getDockerClient());
    } catch (RuntimeException e) {
      throw new InfrastructureException(
          "target "
              + name
              + ": docker "
              + what
              + " of container "
              + containerId()
              + " failed: "
              + e.getMessage(),
          e);
    }
  }

  /** Stops and removes the container (the session removes it too, if this is skipped). */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        try {
          unpause();
        } catch (RuntimeException notThere) {
          // Killed, gone or never started: stop() copes.
        }
        container.stop();
      } finally {
        closeQuietly(logStream);
      }
    }
  }

  private static void closeQuietly(OutputStream out) {
    synchronized (out) {
      try {
        out.close();
      } catch (IOException ignored) {
        // Nothing more to write.
      }
    }
  }

  @Override
  public String toString() {
    return "target "
        + name
        + " (container "
        + (containerId() == null ? "?" : containerId().substring(0, 12))
        + ", "
        + baseUrl
        + ")";
  }
}
