package dev.faultline.profile;

import java.time.Duration;
import java.util.Locale;

/** How profiles write durations and shares: "850 ms", "12.3 s", "43.0 %". Stateless. */
public final class Figures {

  private Figures() {}

  /** "0 ms", "850 ms", "12.3 s", "2 min 05 s". */
  public static String duration(Duration d) {
    long millis = d.toMillis();
    if (millis < 1_000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = d.toSeconds();
    return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
  }

  /** {@code part} of {@code whole} as "43.0 %". */
  public static String share(double part, double whole) {
    return whole <= 0 ? "0.0 %" : String.format(Locale.ROOT, "%.1f %%", 100 * part / whole);
  }

  /** One lock's waits in a sentence. */
  public static String describe(LockWait w) {
    return w.lock()
        + " ("
        + (w.kind().equals("monitor") ? "synchronized" : "Lock")
        + "): "
        + duration(w.blocked())
        + " blocked in total by "
        + w.threads()
        + (w.threads() == 1 ? " thread" : " threads")
        + " in "
        + w.waits()
        + (w.waits() == 1 ? " wait" : " waits")
        + ", longest "
        + duration(w.longest());
  }

  /** One address's reads in a sentence. */
  public static String describe(SocketWait s) {
    return s.address()
        + ": "
        + duration(s.reading())
        + " reading by "
        + s.threads()
        + (s.threads() == 1 ? " thread" : " threads")
        + " in "
        + s.reads()
        + " reads, longest "
        + duration(s.longest());
  }
}
