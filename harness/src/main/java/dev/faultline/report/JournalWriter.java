package dev.faultline.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.faultline.check.CheckResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Writes journal.json: a {@link RunRecord} as a {@link JournalDocument}. */
final class JournalWriter {

  /** Configured once; Jackson mappers are thread-safe after configuration. */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .addModule(JournalNumbers.module())
          .build();

  private JournalWriter() {}

  static Path write(RunRecord run, Path file) {
    JournalDocument document = toDocument(run);
    return ReportFiles.write(file, out -> JSON.writeValue(out, document));
  }

  static JournalDocument toDocument(RunRecord run) {
    return new JournalDocument(
        JournalDocument.SCHEMA_VERSION,
        run.runId(),
        run.experiment(),
        run.description(),
        run.expect() == null ? null : run.expect().name(),
        run.caughtBy(),
        run.experimentFile() == null ? null : run.experimentFile().toString(),
        run.seed(),
        iso(run.started()),
        iso(run.finished()),
        Formats.wallTime(run) == null ? null : Formats.wallTime(run).toMillis(),
        run.verdict() == null ? null : run.verdict().name(),
        run.verdictSentence(),
        run.error(),
        run.checks().stream().map(JournalWriter::check).toList(),
        load(run),
        run.timeline(),
        run.faults().stream().map(fault -> fault(fault, run.loadStarted())).toList(),
        run.events().stream().map(event -> event(event, run.loadStarted())).toList(),
        run.environment(),
        run.artifacts(),
        run.yaml());
  }

  private static JournalDocument.Check check(CheckResult check) {
    return new JournalDocument.Check(
        check.name(),
        check.kind(),
        check.status() == null ? null : check.status().name(),
        check.measured(),
        check.bound(),
        check.observed(),
        check.evidence());
  }

  private static JournalDocument.Load load(RunRecord run) {
    List<StepSummary> steps = run.load();
    var totals =
        new JournalDocument.Totals(
            steps.stream().mapToLong(StepSummary::requests).sum(),
            steps.stream().mapToLong(StepSummary::ok).sum(),
            steps.stream().mapToLong(StepSummary::failed).sum(),
            steps.stream().mapToLong(StepSummary::indeterminate).sum());
    return new JournalDocument.Load(
        iso(run.loadStarted()),
        run.declaredLoad() == null ? null : run.declaredLoad().toString(),
        totals,
        steps);
  }

  private static JournalDocument.Fault fault(FaultWindow fault, Instant origin) {
    return new JournalDocument.Fault(
        fault.name(),
        fault.kind(),
        fault.description(),
        iso(fault.on()),
        iso(fault.off()),
        offsetMillis(origin, fault.on()),
        offsetMillis(origin, fault.off()));
  }

  private static JournalDocument.Event event(JournalEvent event, Instant origin) {
    return new JournalDocument.Event(
        iso(event.at()),
        offsetMillis(origin, event.at()),
        event.type(),
        event.name(),
        event.message(),
        event.data());
  }

  private static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static Long offsetMillis(Instant origin, Instant at) {
    return origin == null || at == null ? null : Duration.between(origin, at).toMillis();
  }
}
