package dev.faultline.load;

import dev.faultline.process.ChildProcesses;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code wrk}, where it is installed, as the reference of {@code bench load}: 2 threads, one
 * connection per user, the same request, for the same duration; its own figure of requests per
 * second. Bounded: killed after the duration plus {@value #GRACE_SECONDS} s. Stateless.
 */
final class WrkLoad {

  private static final long GRACE_SECONDS = 30;
  private static final Pattern REQUESTS_PER_SECOND =
      Pattern.compile("^Requests/sec:\\s*([\\d.]+)", Pattern.MULTILINE);

  private WrkLoad() {}

  /** The wrk on the PATH, if any. */
  static Optional<Path> find() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path wrk = Path.of(dir, "wrk");
      if (Files.isExecutable(wrk)) {
        return Optional.of(wrk);
      }
    }
    return Optional.empty();
  }

  /** Runs wrk once and returns its requests per second; {@code close} adds Connection: close. */
  static double requestsPerSecond(
      Path wrk, String url, String method, int users, Duration duration, boolean close, Path dir) {
    try {
      Path script = dir.resolve("wrk-method.lua");
      Files.writeString(script, "wrk.method = \"" + method + "\"\n");
      List<String> cmd = new ArrayList<>();
      cmd.addAll(
          List.of(
              wrk.toString(),
              "-t" + Math.min(2, users),
              "-c" + users,
              "-d" + Math.max(1, duration.toSeconds()) + "s",
              "-s",
              script.toString()));
      if (close) {
        cmd.addAll(List.of("-H", "Connection: close"));
      }
      cmd.add(url);
      Path out = dir.resolve(close ? "wrk-close.txt" : "wrk-keep-alive.txt");
      Process p =
          ChildProcesses.register(
              "wrk",
              new ProcessBuilder(cmd)
                  .redirectErrorStream(true)
                  .redirectOutput(out.toFile())
                  .start());
      if (!p.waitFor(duration.toSeconds() + GRACE_SECONDS, TimeUnit.SECONDS)) {
        ChildProcesses.stop(p, Duration.ofSeconds(2));
        throw new LoadException("wrk did not end within " + GRACE_SECONDS + " s of its duration");
      }
      Matcher m = REQUESTS_PER_SECOND.matcher(Files.readString(out));
      if (p.exitValue() != 0 || !m.find()) {
        throw new LoadException("wrk failed (exit " + p.exitValue() + "); its output: " + out);
      }
      return Double.parseDouble(m.group(1));
    } catch (IOException e) {
      throw new LoadException("cannot run wrk: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadException("interrupted while wrk ran", e);
    }
  }
}
