package dev.faultline.observe;

import java.io.IOException;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;

/**
 * Sees a local JVM through the Attach API: starts its JMX agent on 127.0.0.1 only, behind a
 * one-time password (see {@link LoopbackAgent}), connects, and reads its ThreadMXBean. Works for a
 * JVM of the same user on this machine with no flag on the target's side (attaching to another JVM
 * needs neither {@code -XX:+EnableDynamicAgentLoading}, which is about agents, nor {@code
 * -Djdk.attach.allowAttachSelf}, which is about attaching to oneself). Every remote call is
 * bounded: a paused (SIGSTOP) target makes it throw, not hang. Thread-safe.
 */
final class JmxThreadObserver implements ThreadObserver {

  private static final Duration CALL_BOUND = Duration.ofSeconds(10);

  private final long pid;
  private final JMXConnector connector;
  private final ThreadMXBean threads;
  private final VirtualThreadDump virtualThreads;
  private final ExecutorService calls =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "faultline-jmx-call");
            t.setDaemon(true);
            return t;
          });

  private JmxThreadObserver(
      long pid, JMXConnector connector, ThreadMXBean threads, VirtualThreadDump virtualThreads) {
    this.pid = pid;
    this.connector = connector;
    this.threads = threads;
    this.virtualThreads = virtualThreads;
  }

  static JmxThreadObserver attach(long pid) {
    LoopbackAgent agent = LoopbackAgent.start(pid);
    String address = agent.url().toString();
    JMXConnector connector = null;
    try {
      connector = JMXConnectorFactory.connect(agent.url(), agent.environment());
      MBeanServerConnection server = connector.getMBeanServerConnection();
      ThreadMXBean threads =
          ManagementFactory.newPlatformMXBeanProxy(
              server, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
      RuntimeMXBean runtime =
          ManagementFactory.newPlatformMXBeanProxy(
              server, ManagementFactory.RUNTIME_MXBEAN_NAME, RuntimeMXBean.class);
      VirtualThreadDump dump =
          VirtualThreadDump.of(
              pid, runtime.getSpecVersion(), runtime.getSystemProperties().get("java.home"));
      return new JmxThreadObserver(pid, connector, threads, dump);
    } catch (IOException | RuntimeException e) {
      closeQuietly(connector);
      throw new ObserveException(
          "cannot read the threads of pid " + pid + " over its JMX agent at " + address + ": " + e,
          e);
    } finally {
      agent.forgetCredentials();
    }
  }

  @Override
  public String source() {
    return "JMX via the Attach API, pid " + pid;
  }

  @Override
  public ThreadSnapshot snapshot() {
    Instant at = Instant.now();
    ThreadInfo[] infos = call("dump the threads", () -> threads.dumpAllThreads(false, false));
    List<ThreadDetail> all = new ArrayList<>();
    for (ThreadInfo i : infos) {
      if (i != null) {
        all.add(detail(i));
      }
    }
    List<String> blind = new ArrayList<>();
    virtualThreads.addTo(all, blind);
    return new ThreadSnapshot(at, all, blind);
  }

  @Override
  public int liveThreads() {
    return call("count the threads", threads::getThreadCount);
  }

  @Override
  public DeadlockReport deadlocks() {
    Instant at = Instant.now();
    long[] ids = call("find deadlocked threads", threads::findDeadlockedThreads);
    if (ids == null || ids.length == 0) {
      return DeadlockReport.none(
          at, "ThreadMXBean.findDeadlockedThreads found none (monitors and ownable synchronizers)");
    }
    ThreadInfo[] infos =
        call("read the deadlocked threads", () -> threads.getThreadInfo(ids, true, true));
    List<ThreadDetail> stuck =
        Arrays.stream(infos).filter(i -> i != null).map(JmxThreadObserver::detail).toList();
    List<ThreadDetail> cycle = LockCycles.find(stuck);
    List<ThreadDetail> shown = cycle.isEmpty() ? stuck : cycle;
    String waitingOnIt =
        stuck.size() > shown.size()
            ? "; " + (stuck.size() - shown.size()) + " more threads wait on the cycle"
            : "";
    return new DeadlockReport(at, shown, LockCycles.describe(shown) + waitingOnIt);
  }

  static ThreadDetail detail(ThreadInfo i) {
    List<String> held = new ArrayList<>();
    for (MonitorInfo m : i.getLockedMonitors()) {
      held.add(m.toString());
    }
    for (LockInfo l : i.getLockedSynchronizers()) {
      held.add(l.toString());
    }
    return new ThreadDetail(
        i.getThreadId(),
        i.getThreadName(),
        i.getThreadState(),
        i.isDaemon(),
        Frames.of(i.getStackTrace()),
        i.getLockName(),
        i.getLockOwnerName(),
        i.getLockOwnerId(),
        held);
  }

  private <T> T call(String what, Callable<T> call) {
    Future<T> f = calls.submit(call);
    try {
      return f.get(CALL_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new ObserveException(
          "pid "
              + pid
              + " did not answer JMX ("
              + what
              + ") within "
              + CALL_BOUND.toSeconds()
              + " s; is it paused or gone?",
          e);
    } catch (ExecutionException e) {
      throw new ObserveException(
          "pid " + pid + ": could not " + what + " over JMX: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ObserveException("interrupted while asking pid " + pid + " to " + what, e);
    }
  }

  @Override
  public Optional<MBeanServerConnection> mbeans() {
    try {
      return Optional.of(connector.getMBeanServerConnection());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    calls.shutdownNow();
    closeQuietly(connector);
  }

  private static void closeQuietly(JMXConnector c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // The target may be gone already.
      }
    }
  }
}
