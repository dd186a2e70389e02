package dev.faultline.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Virtual threads, which ThreadMXBean does not list: on JDK 21+ they come from {@code jcmd <pid>
 * Thread.dump_to_file -format=json}, run with the target's own jcmd; on older JDKs there are none
 * to see and the snapshot says so. Immutable.
 *
 * @param pid the target's process
 * @param feature the target's Java feature release, 0 when unknown
 * @param jcmd the target's own jcmd, null when its Java home is unknown
 */
record VirtualThreadDump(long pid, int feature, Path jcmd) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long JCMD_BOUND_SECONDS = 15;
  static final String NOT_TRACKED =
      "virtual threads started outside an executor appear only when the target runs with -Djdk.trackAllThreads=true";

  static VirtualThreadDump of(long pid, String specVersion, String javaHome) {
    int feature;
    try {
      feature =
          Integer.parseInt(specVersion.startsWith("1.") ? specVersion.substring(2) : specVersion);
    } catch (NumberFormatException e) {
      feature = 0;
    }
    return new VirtualThreadDump(
        pid, feature, javaHome == null ? null : Path.of(javaHome, "bin", "jcmd"));
  }

  /**
   * Adds the virtual threads not already in {@code threads}, or says in {@code blindSpots} why it
   * cannot.
   */
  void addTo(List<ThreadDetail> threads, List<String> blindSpots) {
    if (feature < 21) {
      blindSpots.add(
          "virtual threads cannot be seen on JDK "
              + feature
              + " (the target's JDK; they exist from JDK 21)");
      return;
    }
    if (jcmd == null || !Files.isExecutable(jcmd)) {
      blindSpots.add("virtual threads cannot be seen: no jcmd at " + jcmd);
      return;
    }
    Path file = null;
    try {
      file = Files.createTempFile("faultline-threads-" + pid + "-", ".json");
      Files.delete(file); // jcmd refuses to overwrite
      Process p =
          new ProcessBuilder(
                  jcmd.toString(),
                  String.valueOf(pid),
                  "Thread.dump_to_file",
                  "-format=json",
                  file.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(JCMD_BOUND_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        blindSpots.add(
            "virtual threads cannot be seen: jcmd Thread.dump_to_file took over "
                + JCMD_BOUND_SECONDS
                + " s");
        return;
      }
      Set<Long> known = new HashSet<>();
      threads.forEach(t -> known.add(t.id()));
      threads.addAll(parse(Files.readString(file), known));
      blindSpots.add(NOT_TRACKED);
    } catch (IOException e) {
      blindSpots.add(
          "virtual threads cannot be seen: jcmd Thread.dump_to_file failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      blindSpots.add("virtual threads cannot be seen: interrupted");
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // A temp file; nothing else to undo.
        }
      }
    }
  }

  /** The threads of a JSON thread dump whose ids are not in {@code known}: the virtual ones. */
  static List<ThreadDetail> parse(String json, Set<Long> known) throws IOException {
    JsonNode containers = JSON.readTree(json).path("threadDump").path("threadContainers");
    ArrayList<ThreadDetail> out = new ArrayList<>();
    // JDK 25 marks virtual threads with "virtual": true; JDK 21 does not, so there a thread
    // ThreadMXBean did not list is taken for a virtual one.
    boolean marked = containers.findValue("virtual") != null;
    for (JsonNode c : containers) {
      for (JsonNode t : c.path("threads")) {
        long id = t.path("tid").asLong(-1);
        boolean platform = marked && !t.path("virtual").asBoolean();
        if (id < 0 || known.contains(id) || platform) {
          continue;
        }
        String name = t.path("name").asText("");
        List<String> stack = new ArrayList<>();
        t.path("stack").forEach(f -> stack.add(withoutModule(f.asText())));
        out.add(
            new ThreadDetail(
                id,
                name.isEmpty() ? "virtual-" + id : name,
                state(t.path("state").asText("RUNNABLE")),
                true,
                stack));
      }
    }
    return out;
  }

  private static Thread.State state(String s) {
    try {
      return Thread.State.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Thread.State.RUNNABLE;
    }
  }

  /**
   * "java.base/java.lang.Thread.sleep(Thread.java:540)" → "java.lang.Thread.sleep(Thread.java:540)"
   */
  private static String withoutModule(String frame) {
    int paren = frame.indexOf('(');
    int slash = frame.lastIndexOf('/', paren < 0 ? frame.length() : paren);
    return slash < 0 ? frame : frame.substring(slash + 1);
  }
}
