package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.FaultlineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JournalTest {

  @TempDir Path reports;

  static Stream<Function<Path, RunRecord>> everyKindOfRun() {
    return Stream.of(
        SampleRuns::passing,
        SampleRuns::failing,
        SampleRuns::controlCaught,
        SampleRuns::controlUnseen,
        SampleRuns::error,
        SampleRuns::hostile);
  }

  @ParameterizedTest
  @MethodSource("everyKindOfRun")
  void every_journal_is_valid_against_its_schema_and_reads_back_into_the_same_record(
      Function<Path, RunRecord> sample) throws Exception {
    RunRecord run = sample.apply(reports.resolve("run"));
    RunReports.write(run);
    Path journal = run.folder().resolve("journal.json");

    ReportFormats.assertValidJournal(Files.readString(journal));
    assertThat(JournalReader.read(journal)).isEqualTo(run);
  }

  @Test
  void the_journal_carries_the_schema_version_iso_instants_and_offsets_from_the_start_of_load()
      throws Exception {
    RunRecord run = SampleRuns.failing(reports.resolve("fail"));
    RunReports.write(run);
    var json = JournalWriter.JSON.readTree(run.folder().resolve("journal.json").toFile());

    assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.get("started").asText()).isEqualTo("2025-03-14T09:26:53.589Z");
    assertThat(json.at("/faults/0/on").asText()).isEqualTo("2025-03-14T09:27:02.789Z");
    assertThat(json.at("/faults/0/onOffsetMillis").asLong()).isEqualTo(5_000);
    assertThat(json.at("/checks/0/evidence/0").asText())
        .startsWith("lost 126 acknowledged increments");
    assertThat(json.at("/load/totals/requests").asLong()).isEqualTo(1200);
    assertThat(json.at("/timeline").size()).isEqualTo(30);
  }

  @Test
  void an_unknown_latency_is_null_in_json_and_nan_again_when_read() {
    SampleRuns.Builder run = SampleRuns.builder(reports.resolve("nan"), "counter");
    run.timeline = List.of(new TimelinePoint(0, 0, 5, 0, Double.NaN, Double.NaN, -1));
    RunRecord record = run.build();
    RunReports.write(record);

    assertThat(JournalReader.read(record.folder().resolve("journal.json")).timeline())
        .isEqualTo(record.timeline());
  }

  @Test
  void a_journal_from_a_newer_schema_is_refused_with_the_versions_named() throws Exception {
    Path journal = Files.createDirectories(reports.resolve("future")).resolve("journal.json");
    Files.writeString(journal, "{\"schemaVersion\": 2}");

    assertThatThrownBy(() -> JournalReader.read(journal))
        .isInstanceOf(FaultlineException.class)
        .hasMessage(
            "journal "
                + journal
                + " has schemaVersion 2, this Faultline reads version 1; "
                + "rerun the experiment or use a matching Faultline");
  }
}
