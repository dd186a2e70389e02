package dev.faultline.cli;

import static dev.faultline.cli.Mutation.accepted;
import static dev.faultline.cli.Mutation.append;
import static dev.faultline.cli.Mutation.insertAfter;
import static dev.faultline.cli.Mutation.refused;
import static dev.faultline.cli.Mutation.refusedNear;
import static dev.faultline.cli.Mutation.replaceLine;
import static dev.faultline.cli.Mutation.withBytes;

import dev.faultline.cli.Mutation.Mutated;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The mutation families of the hostile-input corpus, each mutation with what validate must answer.
 */
final class HostileMutations {

  private static final Pattern FIRST_TARGET =
      Pattern.compile("^targets:\\n  ([A-Za-z0-9_.-]+):", Pattern.MULTILINE);

  private HostileMutations() {}

  static List<Mutation> all() {
    List<Mutation> all = new ArrayList<>();
    all.addAll(syntax());
    all.addAll(encodings());
    all.addAll(controlCharacters());
    all.addAll(types());
    all.addAll(limits());
    all.addAll(keys());
    all.addAll(references());
    all.addAll(exploits());
    all.addAll(bombs());
    all.addAll(addresses());
    all.addAll(paths());
    return all;
  }

  private static List<Mutation> syntax() {
    return List.of(
        refused(
            "syntax",
            "tab-indent",
            "not valid YAML",
            t -> replaceLine(t, "^    duration: ", l -> "\t" + l.substring(4))),
        refusedNear(
            "syntax",
            "unclosed-flow",
            "not valid YAML",
            1,
            t -> replaceLine(t, "^seed: ", l -> "seed: [1, 2")),
        refusedNear(
            "syntax",
            "second-document",
            "one experiment per file",
            1,
            t -> append(t, "---\nname: second\n")),
        refusedNear(
            "syntax",
            "unterminated-quote",
            "not valid YAML",
            2,
            t -> replaceLine(t, "^name: ", l -> "name: \"" + l.substring(6))),
        refusedNear(
            "syntax",
            "words-without-colon",
            "not valid YAML",
            1,
            t -> insertAfter(t, "^expect: ", "just some words")),
        refused(
            "syntax",
            "undefined-alias",
            "not valid YAML",
            t -> replaceLine(t, "^seed: ", l -> "seed: *nowhere")));
  }

  private static List<Mutation> encodings() {
    return List.of(
        refused(
            "encodings",
            "latin1-byte",
            "the file is not UTF-8: byte 0xE9",
            t ->
                withBytes(
                    replaceLine(
                        t,
                        "^description: ",
                        l -> l.replace("description: ", "description: caf@E9@ ")),
                    "@E9@",
                    (byte) 0xE9)),
        refused(
            "encodings",
            "truncated-utf8-at-end",
            "the file is not UTF-8: byte 0xE2",
            t -> withBytes(append(t, "# end @X@\n"), "@X@", (byte) 0xE2, (byte) 0x82)),
        refused(
            "encodings",
            "overlong-slash",
            "the file is not UTF-8: byte 0xC0",
            t ->
                withBytes(
                    replaceLine(t, "^expect: ", l -> l + " # @X@"),
                    "@X@",
                    (byte) 0xC0,
                    (byte) 0xAF)),
        refused("encodings", "utf16-le", "the file is UTF-16", t -> utf16(t)),
        accepted(
            "encodings",
            "utf8-bom",
            t -> new Mutated(("\uFEFF" + t).getBytes(StandardCharsets.UTF_8), 1)),
        accepted("encodings", "crlf-line-ends", t -> Mutated.of(t.replace("\n", "\r\n"), 1)),
        refused(
            "encodings",
            "cr-line-ends-with-a-nul-later",
            "U+0000 (NUL)",
            t -> crLineEnds(replaceLine(t, "^    target: ", l -> l + "\0"))),
        accepted(
            "encodings",
            "non-ascii-description",
            t -> replaceLine(t, "^description: ", l -> "description: \"Zähler — 計数器 — ✓\"")));
  }

  /** Old Mac line ends (CR alone): lines are still counted as YAML counts them. */
  private static Mutated crLineEnds(Mutated m) {
    return new Mutated(
        new String(m.bytes(), StandardCharsets.UTF_8)
            .replace("\n", "\r")
            .getBytes(StandardCharsets.UTF_8),
        m.line());
  }

  private static Mutated utf16(String t) {
    byte[] body = t.getBytes(StandardCharsets.UTF_16LE);
    byte[] out = new byte[body.length + 2];
    out[0] = (byte) 0xFF;
    out[1] = (byte) 0xFE;
    System.arraycopy(body, 0, out, 2, body.length);
    return new Mutated(out, 1);
  }

  private static List<Mutation> controlCharacters() {
    String bad = "is not allowed in an experiment file";
    return List.of(
        refused(
            "control-characters",
            "nul-in-description",
            "U+0000 (NUL) " + bad,
            t -> replaceLine(t, "^description: ", l -> l + "\0")),
        refused(
            "control-characters",
            "esc-in-description",
            "U+001B (ESC) " + bad,
            t -> replaceLine(t, "^description: ", l -> l + " \u001b[31m")),
        refused(
            "control-characters",
            "bel-in-comment",
            "U+0007 (BEL) " + bad,
            t -> replaceLine(t, "^expect: ", l -> l + " # \u0007")),
        refused(
            "control-characters",
            "del-in-name",
            "U+007F (DEL) " + bad,
            t -> replaceLine(t, "^name: ", l -> l + "\u007f")),
        refused(
            "control-characters",
            "c1-csi-in-description",
            "U+009B " + bad,
            t -> replaceLine(t, "^description: ", l -> l + " \u009b")),
        refused(
            "control-characters",
            "nonchar-fffe",
            "U+FFFE " + bad,
            t -> replaceLine(t, "^seed: ", l -> l + " # \uFFFE")),
        refused(
            "control-characters",
            "nul-on-a-later-line",
            "U+0000 (NUL) " + bad,
            t -> replaceLine(t, "^    target: ", l -> l + "\0")),
        accepted(
            "control-characters",
            "escape-written-as-escape",
            t ->
                replaceLine(
                    t, "^description: ", l -> "description: \"red \\e[31m text \\t tab\"")));
  }

  private static List<Mutation> types() {
    return List.of(
        refused(
            "types",
            "seed-as-words",
            "\"forty-two\" is not a whole number",
            t -> replaceLine(t, "^seed: ", l -> "seed: forty-two")),
        refused(
            "types",
            "seed-too-large",
            "is too large",
            t -> replaceLine(t, "^seed: ", l -> "seed: 99999999999999999999")),
        refused(
            "types",
            "expect-unknown",
            "\"maybe\" is not one of pass, caught",
            t -> replaceLine(t, "^expect: ", l -> "expect: maybe")),
        refused(
            "types",
            "duration-in-words",
            "\"5 seconds\" is not a duration",
            t -> replaceLine(t, "^    duration: ", l -> "    duration: 5 seconds")),
        refused(
            "types",
            "name-as-list",
            "expected text, found a list",
            t -> replaceLine(t, "^name: ", l -> "name: [a, b]")),
        refused(
            "types",
            "proxies-as-list",
            "expected a map of name: value, found a list",
            t -> t.contains("\nproxies:") ? null : insertAfter(t, "^expect: ", "proxies: [a, b]")),
        refused(
            "types",
            "request-unknown-method",
            "\"FETCH\" is not an HTTP method",
            t -> replaceLine(t, "^    request: ", l -> "    request: FETCH /counter")),
        refused(
            "types",
            "builtin-as-map",
            "expected text, found a map",
            t -> replaceLine(t, "^    builtin: ", l -> "    builtin: {a: 1}")),
        refused(
            "types",
            "users-quoted",
            "\"16\" is not a whole number",
            t -> replaceLine(t, "^    users: ", l -> "    users: \"16\"")));
  }

  private static List<Mutation> limits() {
    return List.of(
        refused(
            "limits",
            "duration-ten-billion-seconds",
            "\"10000000000s\" is too long: at most 24h",
            t -> replaceLine(t, "^    duration: ", l -> "    duration: 10000000000s")),
        refused(
            "limits",
            "duration-25h",
            "\"25h\" is too long: at most 24h",
            t -> replaceLine(t, "^    duration: ", l -> "    duration: 25h")),
        refused(
            "limits",
            "duration-huge-digits",
            "is too long: at most 24h",
            t -> replaceLine(t, "^    duration: ", l -> "    duration: " + "9".repeat(400) + "h")),
        refused(
            "limits",
            "budget-73h",
            "\"73h\" is too long: at most 72h",
            t -> insertAfter(t, "^seed: ", "budget: 73h")),
        refused(
            "limits",
            "fault-at-ten-billion",
            "is too long: at most 24h",
            t -> replaceLine(t, "^    at: ", l -> "    at: 10000000000s")),
        refused(
            "limits",
            "request-timeout-0s",
            "\"0s\" is too short: at least 1ms",
            t -> setTop(t, "request-timeout", "0s")),
        refused(
            "limits",
            "request-timeout-11m",
            "\"11m\" is too long: at most 10m",
            t -> setTop(t, "request-timeout", "11m")),
        refused(
            "limits",
            "rate-10001",
            "a rate is at most 10000/s (per load step), got 10001/s",
            t -> replaceLine(t, "^    rate: ", l -> "    rate: 10001/s")),
        refused(
            "limits",
            "rate-billion",
            "a rate is at most 10000/s (per load step), got 1000000000/s",
            t -> replaceLine(t, "^    rate: ", l -> "    rate: 1000000000/s")),
        refused(
            "limits",
            "rate-1e20",
            "\"1e20/s\" is not a rate: write digits then /s or /m, at most 10000/s",
            t -> replaceLine(t, "^    rate: ", l -> "    rate: 1e20/s")),
        refused(
            "limits",
            "users-10001",
            "at most 10000 users per load step, got 10001",
            t -> replaceLine(t, "^    users: ", l -> "    users: 10001")),
        refused(
            "limits",
            "max-requests-beyond-int",
            "3000000000 is too large",
            t -> replaceLine(t, "^    max-requests: ", l -> "    max-requests: 3000000000")),
        accepted("limits", "budget-at-its-bound", t -> insertAfter(t, "^seed: ", "budget: 72h")),
        accepted(
            "limits", "request-timeout-at-its-bound", t -> setTop(t, "request-timeout", "10m")),
        accepted(
            "limits",
            "rate-at-its-bound",
            t -> replaceLine(t, "^    rate: ", l -> "    rate: 10000/s")));
  }

  private static List<Mutation> keys() {
    return List.of(
        refused(
            "keys", "unknown-top-level", "unknown field \"nmae\"", t -> append(t, "nmae: typo\n")),
        refused(
            "keys",
            "misspelt-in-load",
            "unknown field \"duraton\"",
            t -> replaceLine(t, "^    duration: ", l -> l.replace("duration", "duraton"))),
        refused(
            "keys", "duplicate-top-level", "\"seed\" is given twice", t -> append(t, "seed: 7\n")),
        refused(
            "keys",
            "duplicate-in-load",
            "\"duration\" is given twice",
            t -> insertAfter(t, "^    duration: ", "    duration: 1s")),
        refused("keys", "key-as-list", "a key must be plain text", t -> append(t, "[a, b]: c\n")),
        refused(
            "keys",
            "long-unknown-key",
            "unknown field",
            t -> append(t, "k".repeat(1000) + ": v\n")));
  }

  private static List<Mutation> references() {
    return List.of(
        refused(
            "references",
            "load-target",
            "no target or proxy is named \"nosuch\"",
            t -> replaceLine(t, "^    target: ", l -> "    target: nosuch")),
        refused(
            "references",
            "check-target",
            "no target is named \"nosuch\"",
            t -> replaceLine(t, "^      target: ", l -> "      target: nosuch")),
        refused(
            "references",
            "check-load",
            "no load step is named \"nosuch\"",
            t -> replaceLine(t, "^      load: ", l -> "      load: nosuch")),
        refused(
            "references",
            "calls",
            "no target is named \"nosuch\"",
            t -> replaceLine(t, "^    calls: ", l -> "    calls: [nosuch]")),
        refused(
            "references",
            "caught-by",
            "no check is named \"nosuch\"",
            t -> replaceLine(t, "^caught-by: ", l -> "caught-by: [nosuch]")),
        refused(
            "references",
            "fault-proxy",
            "no proxy is named \"nosuch\"",
            t -> replaceLine(t, "^      proxy: ", l -> "      proxy: nosuch")),
        refused(
            "references",
            "huge-unknown-target",
            "no target or proxy is named \"" + "x".repeat(40) + "…\" (4000 characters)",
            t -> replaceLine(t, "^    target: ", l -> "    target: " + "x".repeat(4000))));
  }

  private static List<Mutation> exploits() {
    return List.of(
        refused(
            "exploits",
            "python-global-tag",
            "not valid YAML: Global tag is not allowed: tag:yaml.org,2002:python/object/apply:os.system",
            t -> replaceLine(t, "^seed: ", l -> "seed: !!python/object/apply:os.system [\"id\"]")),
        refused(
            "exploits",
            "java-script-engine",
            "not valid YAML: Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager",
            t ->
                replaceLine(
                    t,
                    "^description: ",
                    l ->
                        "description: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]")),
        refused(
            "exploits",
            "verbatim-runtime-tag",
            "Global tag is not allowed: tag:yaml.org,2002:java.lang.Runtime",
            t ->
                replaceLine(
                    t,
                    "^description: ",
                    l -> "description: !<tag:yaml.org,2002:java.lang.Runtime> x")),
        refused(
            "exploits",
            "local-tag",
            "YAML tags such as !env are not allowed",
            t -> replaceLine(t, "^description: ", l -> "description: !env HOME")),
        refused(
            "exploits",
            "binary-tag",
            "YAML tags such as !!binary are not allowed",
            t -> replaceLine(t, "^description: ", l -> "description: !!binary aGVsbG8=")),
        refused(
            "exploits",
            "billion-laughs",
            "more than 20 aliases point at maps or lists",
            t -> billionLaughs(t)),
        refused(
            "exploits",
            "self-containing-alias",
            "the alias *loop is inside the collection it names",
            t -> append(t, "loop: &loop [1, *loop]\n")),
        accepted(
            "exploits",
            "scalar-anchor-and-alias",
            t -> replaceLine(t, "^description: ", l -> "description: &d \"anchored\"")));
  }

  /**
   * Nine levels of lists, each holding three aliases of the one before: the 21st alias is on the
   * eighth level.
   */
  private static Mutated billionLaughs(String t) {
    StringBuilder b = new StringBuilder("lol0: &l0 [\"lol\", \"lol\"]\n");
    for (int i = 1; i <= 9; i++) {
      b.append("lol")
          .append(i)
          .append(": &l")
          .append(i)
          .append(" [*l")
          .append(i - 1)
          .append(", *l")
          .append(i - 1)
          .append(", *l")
          .append(i - 1)
          .append("]\n");
    }
    Mutated m = append(t, b.toString());
    return new Mutated(m.bytes(), m.line() + 7);
  }

  private static List<Mutation> bombs() {
    return List.of(
        refused(
            "bombs",
            "line-over-4096",
            "the line is longer than 4096 characters",
            t -> replaceLine(t, "^description: ", l -> "description: " + "y".repeat(5000))),
        refused(
            "bombs",
            "block-scalar-over-64k",
            "characters long; a value is at most 65536",
            t ->
                replaceLine(
                    t,
                    "^description: ",
                    l ->
                        "description: |\n"
                            + ("  " + "z".repeat(79) + "\n").repeat(1000).stripTrailing())),
        refused(
            "bombs",
            "flow-depth-40",
            "maps and lists nest more than 30 deep here",
            t -> append(t, "deep: " + "[".repeat(40) + "]".repeat(40) + "\n")),
        refused(
            "bombs",
            "block-depth-40",
            "maps and lists nest more than 30 deep here",
            t -> blockDepth(t)),
        refused(
            "bombs",
            "ten-thousand-values",
            "the file holds more than 10000 values (keys, items and texts)",
            t -> manyValues(t)),
        refused(
            "bombs",
            "many-4k-lines",
            "unknown field \"k0\"",
            t -> append(t, lines(250, i -> "k" + i + ": " + "a".repeat(4080)))),
        refused(
            "bombs",
            "errors-beyond-50-are-counted",
            "150 more errors from here on are not listed",
            t -> shifted(append(t, lines(200, i -> "unknown" + i + ": 1")), 50)),
        accepted(
            "bombs",
            "long-description-under-the-line-bound",
            t -> replaceLine(t, "^description: ", l -> "description: " + "w".repeat(4000))));
  }

  private static String lines(int n, java.util.function.IntFunction<String> line) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(line.apply(i)).append('\n');
    }
    return b.toString();
  }

  /**
   * Keys of one value each appended until the file holds 10001 values: the mutation is on the key
   * that is one too many.
   */
  private static Mutated manyValues(String t) {
    int values = 0;
    for (Event e : new Yaml().parse(new StringReader(t))) {
      values +=
          e instanceof ScalarEvent || e instanceof CollectionStartEvent || e instanceof AliasEvent
              ? 1
              : 0;
    }
    int keysToLimit = (10_000 - values) / 2;
    return shifted(append(t, lines(keysToLimit + 10, i -> "k" + i + ": 1")), keysToLimit);
  }

  /**
   * Forty nested maps, one per line: the 31st (the one too deep) starts on the 30th key's line + 1.
   */
  private static Mutated blockDepth(String t) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      b.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    b.append("  ".repeat(40)).append("v\n");
    Mutated m = append(t, b.toString());
    return new Mutated(m.bytes(), m.line() + 30);
  }

  private static List<Mutation> addresses() {
    return List.of(
        refused(
            "addresses",
            "listen-any-ipv4",
            "\"0.0.0.0:0\" would listen beyond this machine",
            t -> proxy(t, "0.0.0.0:0")),
        refused(
            "addresses",
            "listen-any-ipv6",
            "\"[::]:0\" would listen beyond this machine",
            t -> proxy(t, "\"[::]:0\"")),
        refused(
            "addresses",
            "listen-lan",
            "\"10.1.2.3:9000\" would listen beyond this machine",
            t -> proxy(t, "10.1.2.3:9000")),
        refused(
            "addresses",
            "listen-port-99999",
            "\"127.0.0.1:99999\" has port 99999; a port is at most 65535",
            t -> proxy(t, "127.0.0.1:99999")),
        refused(
            "addresses",
            "listen-no-port",
            "\"127.0.0.1\" is not host:port",
            t -> proxy(t, "127.0.0.1")),
        accepted("addresses", "listen-loopback", t -> proxy(t, "127.0.0.1:0")),
        accepted("addresses", "listen-localhost", t -> proxy(t, "localhost:0")),
        refused(
            "addresses",
            "url-ftp",
            "\"ftp://127.0.0.1:8080\" is not an http or https URL",
            t -> urlTarget(t, "ftp://127.0.0.1:8080")),
        refused(
            "addresses",
            "url-lan",
            "\"http://10.0.0.1:8080\" is not a loopback address",
            t -> urlTarget(t, "http://10.0.0.1:8080")),
        refused(
            "addresses",
            "url-dns-lookalike",
            "is not a loopback address",
            t -> urlTarget(t, "http://127.0.0.1.nip.io:8080")),
        refused(
            "addresses",
            "url-credentials",
            "carries a user name",
            t -> urlTarget(t, "http://user:pw@127.0.0.1:8080")),
        refused(
            "addresses",
            "url-port-99999",
            "has port 99999; a port is at most 65535",
            t -> urlTarget(t, "http://127.0.0.1:99999")),
        accepted("addresses", "url-ipv6-loopback", t -> urlTarget(t, "http://[::1]:8080")),
        accepted("addresses", "url-localhost-https", t -> urlTarget(t, "https://localhost:8443")),
        refused(
            "addresses",
            "toxiproxy-remote",
            "\"http://10.0.0.7:8474\" is not a loopback address",
            t -> insertAfter(t, "^seed: ", "toxiproxy: {url: \"http://10.0.0.7:8474\"}")),
        refused(
            "addresses",
            "toxiproxy-listen-host-any",
            "\"0.0.0.0\" is not a loopback address",
            t ->
                insertAfter(
                    t,
                    "^seed: ",
                    "toxiproxy: {url: \"http://127.0.0.1:8474\", listen-host: 0.0.0.0}")),
        accepted(
            "addresses",
            "toxiproxy-local",
            t -> insertAfter(t, "^seed: ", "toxiproxy: {url: \"http://127.0.0.1:8474\"}")));
  }

  /**
   * A proxy in front of the first target, declared before the load; the mutation is on its listen
   * line.
   */
  private static Mutated proxy(String t, String listen) {
    if (t.contains("\nproxies:")) {
      return null;
    }
    Mutated m = insertAfter(t, "^load:", "");
    String text =
        t.replaceFirst(
            "(?m)^load:",
            "proxies:\n  front:\n    upstream: "
                + firstTarget(t)
                + "\n    listen: "
                + listen
                + "\nload:");
    return Mutated.of(text, m.line() + 2);
  }

  /** An extra, attached target; the mutation is on its url line. */
  private static Mutated urlTarget(String t, String url) {
    return shifted(insertAfter(t, "^targets:", "  attached:\n    url: " + url), 1);
  }

  private static Mutated shifted(Mutated m, int lines) {
    return m == null ? null : new Mutated(m.bytes(), m.line() + lines);
  }

  /** Sets a top-level key: replaces its line, or adds it after seed. */
  private static Mutated setTop(String t, String key, String value) {
    Mutated m = replaceLine(t, "^" + key + ": ", l -> key + ": " + value);
    return m != null ? m : insertAfter(t, "^seed: ", key + ": " + value);
  }

  private static String firstTarget(String t) {
    Matcher m = FIRST_TARGET.matcher(t);
    return m.find() ? m.group(1) : "none";
  }

  private static List<Mutation> paths() {
    return List.of(
        refused(
            "paths",
            "request-path-relative",
            "the path must start with / and hold no spaces",
            t -> replaceLine(t, "^    request: ", l -> l.replace(" /", " "))),
        refused(
            "paths",
            "health-relative",
            "the health path must start with /",
            t ->
                shifted(
                    insertAfter(
                        t,
                        "^targets:",
                        "  attached:\n    url: http://127.0.0.1:8080\n    health: actuator/health"),
                    2)),
        refused(
            "paths",
            "counter-value-not-pointer",
            "is not a JSON Pointer",
            t -> insertAfter(t, "^      ops: ", "      value: value")),
        refused(
            "paths",
            "invariant-path-not-jsonpath",
            "is not a JSONPath",
            t -> replaceLine(t, "^ +path: \\$", l -> l.replace("$", ""))));
  }
}
