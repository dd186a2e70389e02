package dev.faultline.check;

import dev.faultline.observe.ThreadDetail;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How threads are grouped and which are not the service's own, free of I/O. A thread's
 * <em>family</em> is its name with every run of digits as N ({@code pool-7-thread-3} → {@code
 * pool-N-thread-N}); its <em>instance</em> is the one pool it belongs to, the name with only a
 * trailing number as N ({@code pool-7-thread-N}). Thread-safe (stateless).
 */
final class ThreadFamilies {

  /**
   * Threads of the JVM itself and of a JMX/Attach observation and its flight recording, which the
   * observation causes.
   */
  private static final List<Pattern> SYSTEM =
      patterns(
          "Attach Listener",
          "RMI TCP Connection\\(.*",
          "RMI TCP Accept-.*",
          "RMI Scheduler\\(.*",
          "RMI RenewClean-.*",
          "RMI Reaper",
          "GC Daemon",
          "JMX server connection timeout.*",
          "JMX client heartbeat.*",
          "ClientNotifForwarder-.*",
          "JFR .*",
          "process reaper",
          "Signal Dispatcher",
          "Common-Cleaner",
          "Finalizer",
          "Reference Handler",
          "Notification Thread",
          "Service Thread",
          "Monitor Deflation Thread",
          "C[12] CompilerThread\\d+",
          "Sweeper thread",
          "DestroyJavaVM",
          "VM Periodic Task Thread");

  /**
   * Frames that show a pool's worker idle, waiting for its next task: a member of a pool, not a
   * thread stuck in a request. Executors, ForkJoin (and so virtual-thread carriers), Tomcat, Jetty,
   * Undertow, Netty event loops.
   */
  private static final List<String> IDLE_FRAMES =
      List.of(
          "java.util.concurrent.ThreadPoolExecutor.getTask",
          "org.apache.tomcat.util.threads.TaskQueue.",
          "org.apache.tomcat.util.threads.ThreadPoolExecutor.getTask",
          "java.util.concurrent.ForkJoinPool.awaitWork",
          "org.eclipse.jetty.util.thread.QueuedThreadPool$Runner.idleJobPoll",
          "org.jboss.threads.EnhancedQueueExecutor$ThreadBody.run",
          "io.netty.channel.nio.NioEventLoop.select",
          "io.netty.channel.epoll.EpollEventLoop.epollWait",
          "io.netty.util.concurrent.SingleThreadEventExecutor.takeTask");

  /**
   * Frames of the harness's own observation running inside the target: the worker answering
   * Faultline's {@code GET /actuator/threaddump}, or any thread dumping the threads right now.
   */
  private static final List<String> OWN_OBSERVATION_FRAMES =
      List.of(
          "ThreadDumpEndpoint.",
          "sun.management.ThreadImpl.dumpThreads",
          "sun.management.ThreadImpl.dumpAllThreads");

  private ThreadFamilies() {}

  static String family(String threadName) {
    return threadName.replaceAll("\\d+", "N");
  }

  static String instance(String threadName) {
    return threadName.replaceFirst("\\d+$", "N");
  }

  static boolean isSystem(String threadName) {
    return matchesAny(SYSTEM, threadName);
  }

  static boolean isIdleWorker(ThreadDetail t) {
    return t.stack().stream().anyMatch(f -> IDLE_FRAMES.stream().anyMatch(f::startsWith));
  }

  static boolean isOwnObservation(ThreadDetail t) {
    return t.stack().stream().anyMatch(f -> OWN_OBSERVATION_FRAMES.stream().anyMatch(f::contains));
  }

  static boolean matchesAny(List<Pattern> patterns, String name) {
    return patterns.stream().anyMatch(p -> p.matcher(name).matches());
  }

  static List<Pattern> patterns(String... regexes) {
    return Arrays.stream(regexes).map(Pattern::compile).toList();
  }

  static List<Pattern> patterns(List<String> regexes) {
    return patterns(regexes.toArray(String[]::new));
  }
}
