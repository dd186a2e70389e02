package dev.faultline.run;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** Progress lines on the console, each prefixed with the experiment's name and the elapsed time. */
public final class Console {

  private final PrintStream out;
  private final Instant start = Instant.now();

  public Console(PrintStream out) {
    this.out = out;
  }

  /** Prints one progress line for an experiment. */
  public void say(String experiment, String message) {
    long ms = Duration.between(start, Instant.now()).toMillis();
    synchronized (out) {
      out.printf("%6.1fs [%s] %s%n", ms / 1000.0, experiment, message);
      out.flush();
    }
  }

  /** Prints text as it is. */
  public void print(String text) {
    synchronized (out) {
      out.print(text);
      out.flush();
    }
  }
}
