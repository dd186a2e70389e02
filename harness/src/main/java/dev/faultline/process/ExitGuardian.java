package dev.faultline.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * A small shell process that outlives a SIGKILL of the harness and then undoes what the harness
 * would have undone: it resumes (SIGCONT) and stops (SIGTERM, then SIGKILL after {@value
 * #GRACE_SECONDS} s) every child process the harness told it about, with their descendants.
 *
 * <p>The harness JVM holds the write end of the guardian's stdin and writes one PID per line as it
 * starts a child. No exit of the harness — normal, a crash, SIGKILL — can keep that pipe open: the
 * kernel closes it, the guardian reads end-of-file at once and cleans up. After a normal exit the
 * shutdown hooks have already stopped every child, so it finds nothing and ends. A PID is signalled
 * only if the process still has the start time it had when it was reported ({@code ps -o lstart}),
 * so a PID the system reused for something else is left alone. The guardian ignores SIGINT, SIGTERM
 * and SIGHUP: a Ctrl-C in the terminal reaches every process of the foreground group, and it must
 * still be there when the harness is gone.
 *
 * <p>This is what makes a pause survivable: a target stopped with SIGSTOP cannot run its own parent
 * watchdog, and a {@code command:} or {@code jar:} target has none. Thread-safe.
 */
public final class ExitGuardian {

  static final int GRACE_SECONDS = 3;

  private static final String SCRIPT =
      """
            trap '' INT TERM HUP QUIT PIPE
            ident() { s=$(ps -o lstart= -p "$1" 2>/dev/null); if [ -n "$s" ]; then echo "$s"; elif kill -0 "$1" 2>/dev/null; then echo alive; fi; }
            same() { eval "want=\\"\\$start_$1\\""; now=$(ident "$1"); [ -n "$now" ] && [ "$now" = "$want" ]; }
            watched=""
            while read -r pid; do
              case "$pid" in ''|*[!0-9]*) continue ;; esac
              case " $watched " in *" $pid "*) ;; *) watched="$watched $pid" ;; esac
              eval "start_$pid=\\"\\$(ident $pid)\\""
            done
            roots=""
            for p in $watched; do same "$p" && roots="$roots $p"; done
            [ -z "$roots" ] && exit 0
            family=$(ps -A -o pid= -o ppid= | awk -v roots="$roots" '
              BEGIN { n = split(roots, r, " "); for (i = 1; i <= n; i++) keep[r[i]] = 1 }
              { parent[$1] = $2 }
              END { grew = 1; while (grew) { grew = 0; for (p in parent) if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; grew = 1 } }
                    for (p in keep) print p }')
            echo "faultline guardian: harness $1 is gone; resuming and stopping what it started:" $family >&2
            kill -CONT $family 2>/dev/null
            kill -TERM $family 2>/dev/null
            i=0
            while [ $i -lt $2 ]; do
              left=""
              for p in $family; do kill -0 "$p" 2>/dev/null && left="$left $p"; done
              [ -z "$left" ] && exit 0
              sleep 0.5 2>/dev/null || sleep 1
              i=$((i + 1))
            done
            echo "faultline guardian: killing what outlived SIGTERM:" $left >&2
            kill -KILL $left 2>/dev/null
            exit 0
            """;

  private static OutputStream pipe;
  private static boolean failed;
  private static Process guardian;

  private ExitGuardian() {}

  /**
   * Tells the guardian about a process to clean up should the harness die; starts the guardian on
   * first use. Never throws: without a guardian the shutdown hooks still cover every exit but
   * SIGKILL.
   */
  public static synchronized void watch(long pid) {
    if (failed) {
      return;
    }
    try {
      if (pipe == null) {
        start();
      }
      pipe.write((pid + "\n").getBytes(StandardCharsets.US_ASCII));
      pipe.flush();
    } catch (IOException e) {
      failed = true;
      System.err.println(
          "faultline: the exit guardian is not running ("
              + e.getMessage()
              + "); a harness killed with SIGKILL may leave pid "
              + pid
              + " behind");
    }
  }

  /** The guardian's PID, if it was started: for tests that check it ends with the harness. */
  public static synchronized OptionalLong pid() {
    return guardian == null ? OptionalLong.empty() : OptionalLong.of(guardian.pid());
  }

  private static void start() throws IOException {
    long harness = ProcessHandle.current().pid();
    ProcessBuilder builder =
        new ProcessBuilder(
                "/bin/sh",
                "-c",
                SCRIPT,
                "faultline-guardian",
                String.valueOf(harness),
                String.valueOf(GRACE_SECONDS * 2))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    guardian = builder.start();
    pipe = guardian.getOutputStream();
  }
}
