package dev.faultline.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.experiment.LoadedExperiment;
import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import dev.faultline.report.JournalEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSessionTest {

  @TempDir Path dir;

  private static LoadedExperiment loaded() {
    return ExperimentLoader.load(
        Path.of(System.getProperty("faultline.home", ".."), "experiments/counter-locked.yaml"));
  }

  private RunOptions options(List<JournalEvent> heard) {
    return new RunOptions(
        dir.resolve("reports"),
        dir,
        new Console(new PrintStream(new ByteArrayOutputStream())),
        heard::add);
  }

  @Test
  void a_game_day_gets_its_own_folder_name_with_the_yaml_as_run_and_journals_its_start()
      throws IOException {
    List<JournalEvent> heard = new CopyOnWriteArrayList<>();
    LoadedExperiment loaded = loaded();

    RunSession session = RunSession.open(loaded, options(heard), RunSession.Driver.PERSON);

    assertThat(session.folder().getParent()).isEqualTo(dir.resolve("reports"));
    assertThat(session.folder().getFileName().toString())
        .matches("\\d{8}-\\d{6}-counter-locked-gameday");
    assertThat(session.folder().resolve("experiment.yaml")).hasContent(loaded.yaml());
    assertThat(heard)
        .as("the options' listener hears what the journal records")
        .isEqualTo(session.journal().events())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.message())
                    .isEqualTo(
                        "game day " + session.folder().getFileName() + " of " + loaded.file()));
  }

  @Test
  void a_scheduled_run_in_the_same_second_as_another_gets_a_numbered_folder() throws IOException {
    LoadedExperiment loaded = loaded();
    Path first =
        RunSession.open(loaded, options(new CopyOnWriteArrayList<>()), RunSession.Driver.SCHEDULE)
            .folder();
    Path second =
        RunSession.open(loaded, options(new CopyOnWriteArrayList<>()), RunSession.Driver.SCHEDULE)
            .folder();

    assertThat(first.getFileName().toString()).matches("\\d{8}-\\d{6}-counter-locked");
    assertThat(second.getFileName().toString())
        .as("a new second, or the same second numbered")
        .matches("\\d{8}-\\d{6}-counter-locked(-2)?")
        .isNotEqualTo(first.getFileName().toString());
  }

  @Test
  void before_provisioning_there_are_no_targets_no_proxy_and_teardown_does_nothing()
      throws IOException {
    RunSession session =
        RunSession.open(
            loaded(), options(new CopyOnWriteArrayList<>()), RunSession.Driver.SCHEDULE);

    session.teardown();

    assertThat(session.targets()).isEmpty();
    assertThat(session.toxiproxyApi()).isNull();
    assertThat(session.withFaultErrors(null)).isNull();
    assertThat(session.withFaultErrors("target would not start"))
        .isEqualTo("target would not start");
    assertThat(session.journal().events()).hasSize(1);
  }

  @Test
  void the_first_request_is_the_earliest_start_or_the_fallback_without_requests() {
    Instant fallback = Instant.ofEpochMilli(5_000);
    RequestOutcome later = outcome(9_000);
    RequestOutcome earlier = outcome(7_000);

    assertThat(RunSession.firstRequest(List.of(later, earlier), fallback))
        .isEqualTo(Instant.ofEpochMilli(7_000));
    assertThat(RunSession.firstRequest(List.of(), fallback)).isEqualTo(fallback);
  }

  private static RequestOutcome outcome(long startMillis) {
    return new RequestOutcome(
        "increments", "op-" + startMillis, startMillis, 1_000, 200, Outcome.OK, null);
  }
}
