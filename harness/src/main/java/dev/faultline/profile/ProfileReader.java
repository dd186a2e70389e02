package dev.faultline.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a target's {@code .jfr} file once and sums its events per window. Leaves out what the
 * harness's own observation causes in the target (its JMX and RMI connection threads reading from
 * the harness, the recording's own threads), as no-thread-leak does. Stateless.
 */
public final class ProfileReader {

  private ProfileReader() {}

  /** The name of the window of the load before the first fault came on. */
  public static final String BEFORE_FAULTS = "before the first fault";

  /**
   * The windows a run is read over: before the first fault, each fault's window (clipped to the
   * span), after the last fault; one window "whole load" when there was no fault.
   */
  public static List<ProfileWindow> windows(Instant from, Instant to, List<ProfileWindow> faults) {
    List<ProfileWindow> out = new ArrayList<>();
    if (faults.isEmpty()) {
      out.add(new ProfileWindow("whole load", from, to));
      return out;
    }
    Instant firstOn =
        faults.stream().map(ProfileWindow::from).min(Instant::compareTo).orElseThrow();
    Instant lastOff = faults.stream().map(ProfileWindow::to).max(Instant::compareTo).orElseThrow();
    if (firstOn.isAfter(from)) {
      out.add(new ProfileWindow(BEFORE_FAULTS, from, firstOn));
    }
    for (ProfileWindow f : faults) {
      Instant on = f.from().isBefore(from) ? from : f.from();
      Instant off = f.to().isAfter(to) ? to : f.to();
      if (off.isAfter(on)) {
        out.add(new ProfileWindow(f.name(), on, off));
      }
    }
    if (to.isAfter(lastOff)) {
      out.add(new ProfileWindow("after rollback", lastOff, to));
    }
    return out;
  }

  /** Reads {@code recording} over {@code windows}. */
  public static TargetProfile read(String target, Path recording, List<ProfileWindow> windows) {
    return read(target, recording, windows, Map.of());
  }

  /**
   * Reads {@code recording} over {@code windows}, naming the socket addresses the run knows ({@code
   * host:port} to e.g. "proxy quote->downstream").
   */
  public static TargetProfile read(
      String target, Path recording, List<ProfileWindow> windows, Map<String, String> names) {
    List<WindowAggregate> sums = windows.stream().map(w -> new WindowAggregate(w, names)).toList();
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent e = file.readEvent();
        if (!isOwnObservation(e)) {
          for (WindowAggregate w : sums) {
            add(w, e);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new ProfileException(
          "cannot read the recording of target " + target + " at " + recording + ": " + e, e);
    }
    return new TargetProfile(
        target, recording, sums.stream().map(WindowAggregate::profile).toList());
  }

  private static void add(WindowAggregate w, RecordedEvent e) {
    String type = e.getEventType().getName();
    Instant start = e.getStartTime();
    long overlap = w.overlap(start, e.getEndTime());
    long whole = e.getDuration().toNanos();
    long thread = threadId(e.getThread());
    switch (type) {
      case "jdk.ExecutionSample" -> {
        if (w.contains(start)) {
          w.cpuSample(Stack.of(e.getStackTrace()));
        }
      }
      case "jdk.ThreadStart", "jdk.ThreadEnd" -> {
        RecordedThread t = e.getThread("thread");
        if (w.contains(start) && t != null && t.getJavaName() != null) {
          if (type.equals("jdk.ThreadStart")) {
            w.threadStarted(t.getJavaName());
          } else {
            w.threadEnded(t.getJavaName());
          }
        }
      }
      case "jdk.GarbageCollection" -> {
        if (w.contains(start)) {
          w.gc(e.getDuration("sumOfPauses").toNanos(), e.getDuration("longestPause").toNanos());
        }
      }
      default -> {
        if (overlap > 0) {
          waited(w, e, type, thread, overlap, whole);
        }
      }
    }
  }

  private static void waited(
      WindowAggregate w, RecordedEvent e, String type, long thread, long overlap, long whole) {
    switch (type) {
      case "jdk.JavaMonitorEnter" -> {
        String monitor =
            e.getClass("monitorClass") == null
                ? "?"
                : readable(e.getClass("monitorClass").getName());
        w.lockWait(monitor, "monitor", thread, overlap, whole, Stack.of(e.getStackTrace()));
      }
      case "jdk.ThreadPark" -> {
        String blocker =
            e.getClass("parkedClass") == null ? null : e.getClass("parkedClass").getName();
        if (LockBlockers.isLock(blocker)) {
          w.lockWait(
              LockBlockers.lockName(blocker),
              "lock",
              thread,
              overlap,
              whole,
              Stack.of(e.getStackTrace()));
        } else {
          w.state(WindowAggregate.PARKED, overlap);
        }
      }
      case "jdk.SocketRead" ->
          w.socketRead(address(e), thread, overlap, whole, Stack.of(e.getStackTrace()));
      case "jdk.JavaMonitorWait" -> w.state(WindowAggregate.WAIT, overlap);
      case "jdk.ThreadSleep" -> w.state(WindowAggregate.SLEEP, overlap);
      case "jdk.VirtualThreadPinned" -> w.pinned(overlap, whole);
      default -> {
        // Not an event this profile reads.
      }
    }
  }

  /** An array class as Java writes it: {@code [I} is {@code int[]}. */
  static String readable(String className) {
    if (!className.startsWith("[")) {
      return className;
    }
    String element = readable(className.substring(1));
    return switch (element) {
          case "I" -> "int";
          case "J" -> "long";
          case "B" -> "byte";
          case "C" -> "char";
          case "Z" -> "boolean";
          case "S" -> "short";
          case "D" -> "double";
          case "F" -> "float";
          default ->
              element.startsWith("L") && element.endsWith(";")
                  ? element.substring(1, element.length() - 1)
                  : element;
        }
        + "[]";
  }

  private static String address(RecordedEvent e) {
    String address = e.getString("address");
    String host = address != null && !address.isEmpty() ? address : e.getString("host");
    return host + ":" + e.getInt("port");
  }

  private static long threadId(RecordedThread t) {
    return t == null ? -1 : t.getJavaThreadId();
  }

  /** Threads the harness's observation runs in the target: JMX, RMI, the recording itself. */
  static boolean isOwnObservation(RecordedEvent e) {
    RecordedThread t =
        e.getEventType().getName().equals("jdk.ExecutionSample")
            ? e.getThread("sampledThread")
            : e.getThread();
    String name = t == null ? null : t.getJavaName();
    return name != null
        && (name.startsWith("RMI ")
            || name.startsWith("JMX ")
            || name.startsWith("JFR ")
            || name.equals("Attach Listener"));
  }
}
