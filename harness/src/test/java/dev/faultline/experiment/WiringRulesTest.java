package dev.faultline.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WiringRulesTest {

  @TempDir Path dir;

  private static String experiment(String targets) {
    return """
                name: wired
                targets:
                %s
                proxies:
                  back-proxy: {upstream: back}
                load:
                  - {name: calls, target: front, request: GET /, workload: closed, users: 1, duration: 2s}
                checks:
                  - no-deadlock: {target: front, load: calls}
                """
        .formatted(targets.indent(2).stripTrailing());
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("wired.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private List<String> errorsOf(String targets) throws IOException {
    Path file = write(experiment(targets));
    return catchThrowableOfType(InvalidExperimentException.class, () -> ExperimentLoader.load(file))
        .errors()
        .stream()
        .map(e -> e.toString().replace(file.toString(), "wired.yaml"))
        .toList();
  }

  @Test
  void placeholders_naming_targets_proxies_and_calls_proxies_are_valid_and_order_the_start()
      throws IOException {
    Experiment e =
        ExperimentLoader.load(
                write(
                    experiment(
                        """
                back: {command: [java, Back.java, "${port}"], env: {SELF: "http://127.0.0.1:${port}"}}
                front:
                  command: [java, Front.java, "${port}", "${url:back-proxy}", "${host:back}", "${port:front->back}"]
                  calls: [back]
                  properties: {downstream: "${url:back}"}
                  jvm-args: ["-Dback.port=${port:back}"]
                """)))
            .experiment();

    assertThat(Wiring.startsAfter(e, "front")).containsExactly("back");
    assertThat(Wiring.startsAfter(e, "back")).isEmpty();
    assertThat(Wiring.cycle(e)).isEmpty();
  }

  @Test
  void an_unknown_placeholder_is_refused_where_it_is_written_with_the_closest_one()
      throws IOException {
    assertThat(
            errorsOf(
                """
                back: {command: [java, Back.java, "${port}"]}
                front: {command: [java, Front.java, "${prot}"]}
                """))
        .containsExactly(
            "wired.yaml:4:39: targets.front.command[2]: unknown placeholder ${prot}\n    fix: did you mean ${port}?");
  }

  @Test
  void a_placeholder_naming_nothing_declared_is_refused_with_what_may_be_named()
      throws IOException {
    assertThat(
            errorsOf(
                """
                back: {command: [java, Back.java, "${port}"]}
                front: {command: [java, Front.java, "${port}"], env: {BACK: "${url:nosuch}"}}
                """))
        .containsExactly(
            "wired.yaml:4:63: targets.front.env.BACK: unknown placeholder ${url:nosuch}: no target or proxy is named \"nosuch\"\n"
                + "    fix: placeholders are ${port}, ${url:NAME}, ${host:NAME}, ${port:NAME}, NAME one of: back, front, back-proxy");
  }

  @Test
  void a_misspelt_name_gets_a_did_you_mean() throws IOException {
    assertThat(
            errorsOf(
                """
                back: {command: [java, Back.java, "${port}"]}
                front: {command: [java, Front.java, "${url:bak-proxy}"]}
                """))
        .containsExactly(
            "wired.yaml:4:39: targets.front.command[2]: unknown placeholder ${url:bak-proxy}: no target or proxy is named \"bak-proxy\"\n"
                + "    fix: did you mean ${url:back-proxy}?");
  }

  @Test
  void targets_that_name_each_other_are_a_cycle_named_in_full() throws IOException {
    assertThat(
            errorsOf(
                """
                back: {command: [java, Back.java, "${url:front}"]}
                front: {command: [java, Front.java, "${url:back-proxy}"]}
                """))
        .containsExactly(
            "wired.yaml:3:9: targets.back: the targets wait for each other to start: back → front → back\n"
                + "    fix: a target starts after the targets it calls or names in ${url:…}, ${host:…}, ${port:…} (a proxy stands for its upstream); "
                + "remove one link of the cycle, or use ${port} for a target's own port");
  }

  @Test
  void lock_contention_without_a_bound_needs_a_fault_to_compare_against() throws IOException {
    Path file =
        write(
            """
            name: wired
            targets:
              front: {command: [java, Front.java, "${port}"]}
            load:
              - {name: calls, target: front, request: GET /, workload: closed, users: 1, duration: 2s}
            checks:
              - lock-contention: {target: front}
            """);
    assertThat(
            catchThrowableOfType(
                    InvalidExperimentException.class, () -> ExperimentLoader.load(file))
                .errors()
                .stream()
                .map(e -> e.toString().replace(file.toString(), "wired.yaml"))
                .toList())
        .containsExactly(
            "wired.yaml:7:5: checks[0].lock-contention.max-blocked: without max-blocked,"
                + " lock-contention compares the load under each fault with the load before the"
                + " first fault, and this experiment has no fault\n"
                + "    fix: give it a bound of its own, e.g. max-blocked: 1s");
  }
}
