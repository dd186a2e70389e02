package dev.faultline.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentLoaderTest {

  @TempDir Path dir;

  private static final String VALID =
      """
            name: counter-locked
            description: a lock guards the counter
            seed: 7
            targets:
              counter: {builtin: counter, variant: locked}
            load:
              - name: increments
                target: counter
                request: POST /counter/increment?op=${op}
                workload: closed
                users: 16
                duration: 8s
            checks:
              - counter-consistency: {target: counter, load: increments, ops: GET /counter/ops}
            """;

  private Path write(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  private List<ExperimentError> errorsOf(String yaml) throws IOException {
    Path file = write("x.yaml", yaml);
    return catchThrowableOfType(InvalidExperimentException.class, () -> ExperimentLoader.load(file))
        .errors();
  }

  @Test
  void a_valid_file_binds_every_field_and_fills_defaults() throws IOException {
    Experiment e = ExperimentLoader.load(write("ok.yaml", VALID)).experiment();

    assertThat(e.name()).isEqualTo("counter-locked");
    assertThat(e.seed()).isEqualTo(7);
    assertThat(e.expect()).isEqualTo(Expectation.PASS);
    assertThat(e.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(e.targets().get("counter").variant()).isEqualTo("locked");
    assertThat(e.targets().get("counter").health()).isEqualTo("/actuator/health");
    LoadSpec load = e.load().get(0);
    assertThat(load.request())
        .isEqualTo(new HttpRequestLine("POST", "/counter/increment?op=${op}"));
    assertThat(load.workload()).isEqualTo(Workload.CLOSED);
    assertThat(load.users()).isEqualTo(16);
    assertThat(load.ramp()).isZero();
    CounterConsistencySpec check = (CounterConsistencySpec) e.checks().get(0);
    assertThat(check.name()).isEqualTo("counter-consistency");
    assertThat(check.read()).hasToString("GET /counter");
    assertThat(check.value()).isEqualTo("/value");
  }

  @Test
  void a_typo_a_wrong_type_and_a_missing_field_are_three_located_errors_with_fixes()
      throws IOException {
    List<ExperimentError> errors =
        errorsOf(
            """
                name: counter-locked
                targets:
                  counter: {builtin: counter, variant: locked}
                load:
                  - target: counter
                    request: POST /counter/increment
                    rate: 100/s
                    duraton: 8s
                checks:
                  - counter-consistency: {target: counter, load: counter}
                seed: lots
                """);

    assertThat(errors)
        .extracting(ExperimentError::toString)
        .containsExactly(
            "x.yaml:5:5: load[0].duration: required field \"duration\" is missing\n    fix: add \"duration: a duration such as 500ms, 2s or 1m\" under load[0]"
                .replace("x.yaml", dir.resolve("x.yaml").toString()),
            (dir.resolve("x.yaml")
                + ":8:5: load[0].duraton: unknown field \"duraton\"\n    fix: did you mean \"duration\"?"),
            (dir.resolve("x.yaml")
                + ":11:7: seed: \"lots\" is not a whole number\n    fix: write a whole number, e.g. 16"));
  }

  @Test
  void an_unknown_enum_value_suggests_the_closest() throws IOException {
    List<ExperimentError> errors = errorsOf(VALID.replace("workload: closed", "workload: closd"));

    assertThat(errors)
        .singleElement()
        .satisfies(
            err -> {
              assertThat(err.line()).isEqualTo(10);
              assertThat(err.column()).isEqualTo(15);
              assertThat(err.field()).isEqualTo("load[0].workload");
              assertThat(err.message())
                  .isEqualTo("\"closd\" is not one of open, closed (did you mean closed?)");
            });
  }

  @Test
  void references_to_undeclared_names_are_errors_with_the_closest_name() throws IOException {
    List<ExperimentError> errors =
        errorsOf(
            VALID.replace(
                "{target: counter, load: increments", "{target: countr, load: increments"));

    assertThat(errors)
        .singleElement()
        .satisfies(
            err -> {
              assertThat(err.field()).isEqualTo("checks[0].counter-consistency.target");
              assertThat(err.message()).isEqualTo("no target is named \"countr\"");
              assertThat(err.fix()).isEqualTo("did you mean \"counter\"?");
            });
  }

  @Test
  void an_unknown_builtin_variant_lists_the_valid_ones() throws IOException {
    List<ExperimentError> errors = errorsOf(VALID.replace("variant: locked", "variant: lockd"));

    assertThat(errors)
        .singleElement()
        .satisfies(
            err -> {
              assertThat(err.field()).isEqualTo("targets.counter.variant");
              assertThat(err.fix())
                  .isEqualTo(
                      "did you mean locked? variants: locked, atomic, racy, durable, durable-lazy");
            });
  }

  @Test
  void an_open_workload_without_a_rate_is_refused() throws IOException {
    List<ExperimentError> errors =
        errorsOf(VALID.replace("    workload: closed\n    users: 16\n", ""));

    assertThat(errors)
        .extracting(ExperimentError::message)
        .containsExactly("an open workload needs a rate");
  }

  @Test
  void yaml_tags_that_would_build_java_objects_are_refused() throws IOException {
    List<ExperimentError> errors =
        errorsOf(
            VALID.replace(
                "seed: 7",
                "seed: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]"));

    assertThat(errors)
        .singleElement()
        .satisfies(
            err -> {
              assertThat(err.line()).isEqualTo(3);
              assertThat(err.message())
                  .isEqualTo(
                      "not valid YAML: Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager");
            });
  }

  @Test
  void local_yaml_tags_are_refused_at_the_field() throws IOException {
    List<ExperimentError> errors = errorsOf(VALID.replace("seed: 7", "seed: !custom 7"));

    assertThat(errors)
        .singleElement()
        .satisfies(
            err -> {
              assertThat(err.field()).isEqualTo("seed");
              assertThat(err.message()).isEqualTo("YAML tags such as !custom are not allowed");
            });
  }

  @Test
  void broken_yaml_is_reported_at_the_line_it_breaks() throws IOException {
    List<ExperimentError> errors =
        errorsOf("name: x\ntargets:\n  counter: {builtin: counter\nload: []\n");

    assertThat(errors)
        .singleElement()
        .satisfies(
            err -> {
              assertThat(err.message()).startsWith("not valid YAML");
              assertThat(err.line()).isEqualTo(4);
            });
  }

  @Test
  void a_fault_needs_exactly_one_kind() throws IOException {
    String withFault =
        VALID.replace(
            "checks:",
            """
                proxies:
                  front: {upstream: counter}
                faults:
                  - name: slow
                    at: 1s
                    latncy: {proxy: front, latency: 100ms}
                checks:""");

    List<ExperimentError> errors = errorsOf(withFault);

    assertThat(errors)
        .extracting(ExperimentError::message, ExperimentError::fix)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "no kind given: one of latency, bandwidth, slow-close, timeout, reset-peer, slicer, limit-data, down, kill-process, pause-process, kill-worker, assault is needed",
                "did you mean \"latency\"?"));
  }

  @Test
  void a_valid_fault_binds_its_kind_and_schedule() throws IOException {
    String withFault =
        VALID.replace(
            "checks:",
            """
                proxies:
                  front: {upstream: counter}
                faults:
                  - name: slow
                    at: 1s
                    for: 3s
                    latency: {proxy: front, latency: 100ms, jitter: 10ms}
                checks:""");

    FaultSpec f = ExperimentLoader.load(write("f.yaml", withFault)).experiment().faults().get(0);

    assertThat(f.duration()).isEqualTo(Duration.ofSeconds(3));
    assertThat(f.kind())
        .isEqualTo(
            new ToxicFaults.Latency(
                "front", Duration.ofMillis(100), Duration.ofMillis(10), Stream.DOWNSTREAM, 1.0));
  }

  @Test
  void loading_a_folder_reports_errors_of_every_file_together() throws IOException {
    write("a.yaml", VALID.replace("seed: 7", "seed: x"));
    write(
        "b.yaml",
        VALID.replace("name: counter-locked", "name: other").replace("users: 16", "users: many"));

    InvalidExperimentException e =
        catchThrowableOfType(
            InvalidExperimentException.class, () -> ExperimentLoader.loadAll(List.of(dir)));

    assertThat(e.errors())
        .extracting(err -> err.file().getFileName().toString())
        .containsExactly("a.yaml", "b.yaml");
    assertThat(e.getMessage()).startsWith("2 errors in experiment files:");
  }

  @Test
  void a_missing_path_is_an_error_not_a_crash() {
    assertThatThrownBy(() -> ExperimentLoader.loadAll(List.of(dir.resolve("nope"))))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessageContaining("no such file or folder");
  }

  @Test
  void the_catalog_loads() {
    Path catalog = Path.of(System.getProperty("faultline.home", "..")).resolve("experiments");

    assertThat(ExperimentLoader.loadAll(List.of(catalog)))
        .extracting(LoadedExperiment::name)
        .contains("counter-locked", "counter-atomic", "counter-racy");
  }

  @Test
  void response_time_and_error_rate_bind_with_their_defaults_and_a_step_takes_a_warm_up_and_min_ok()
      throws IOException {
    Experiment e =
        ExperimentLoader.load(
                write(
                    "ok.yaml",
                    VALID.replace(
                            "    duration: 8s\n",
                            "    duration: 8s\n    warm-up: 3s\n    min-ok: 80%\n")
                        + "  - response-time: {load: increments, at-most: 300ms, outside-faults: true}\n"
                        + "  - error-rate: {load: increments, at-most: 1%}\n"))
            .experiment();

    assertThat(e.load().get(0).warmUp()).isEqualTo(Duration.ofSeconds(3));
    assertThat(e.load().get(0).minOk()).isEqualTo(Percent.parse("80%"));
    assertThat(e.warmUp()).isEqualTo(Duration.ofSeconds(3));
    assertThat(e.checks().get(1))
        .isEqualTo(
            new CheckSpecs.ResponseTime(
                "response-time", null, "increments", 99, Duration.ofMillis(300), null, true));
    assertThat(e.checks().get(2))
        .isEqualTo(
            new CheckSpecs.ErrorRate("error-rate", "increments", Percent.parse("1%"), null, false));
    assertThat(ExperimentLoader.load(write("plain.yaml", VALID)).experiment().load().get(0).minOk())
        .as("the default")
        .isEqualTo(Percent.parse("90%"));
  }

  @Test
  void a_latency_check_refuses_an_unknown_fault_both_scopes_at_once_and_a_percentile_out_of_range()
      throws IOException {
    List<ExperimentError> errors =
        errorsOf(
            VALID
                + "  - response-time: {load: increments, at-most: 300ms, percentile: 100.5, during: slo, outside-faults: true}\n"
                + "faults:\n  - name: slow\n    at: 1s\n    kill-worker: {target: counter, count: 1}\n");

    String file = dir.resolve("x.yaml").toString();
    assertThat(errors)
        .extracting(ExperimentError::toString)
        .containsExactly(
            file
                + ":15:67: checks[1].response-time.percentile: the percentile must lie above 0 and at most 100\n    fix: e.g. percentile: 99",
            file
                + ":15:82: checks[1].response-time.during: no fault is named \"slo\"\n    fix: did you mean \"slow\"?",
            file
                + ":15:103: checks[1].response-time.outside-faults: during and outside-faults exclude each other\n    fix: keep one: during: <fault> or outside-faults: true");
  }
}
