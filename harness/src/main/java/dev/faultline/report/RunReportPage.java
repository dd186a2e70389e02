package dev.faultline.report;

import dev.faultline.check.CheckResult;
import dev.faultline.check.CheckStatus;
import dev.faultline.report.RunReportView.CheckView;
import dev.faultline.report.RunReportView.EventView;
import dev.faultline.report.RunReportView.Fact;
import dev.faultline.report.RunReportView.FaultView;
import dev.faultline.report.RunReportView.Link;
import dev.faultline.report.RunReportView.StepView;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The run report, index.html: one self-contained page, verdict first, evidence after. */
final class RunReportPage {

  private RunReportPage() {}

  static Path write(RunRecord run, Path file) {
    return Templates.render("run-report.mustache", view(run), file);
  }

  static RunReportView view(RunRecord run) {
    return new RunReportView(
        run.experiment(),
        run.description(),
        run.runId(),
        VerdictWords.label(run.verdict()),
        VerdictWords.cssClass(run.verdict()),
        VerdictWords.sentence(run),
        control(run),
        Formats.isBlank(run.error()) ? null : run.error(),
        facts(run),
        checkSummary(run),
        findings(run),
        !findings(run).isEmpty(),
        run.checks().stream().map(check -> check(run, check)).toList(),
        TimelineChart.of(run),
        run.faults().stream().map(fault -> fault(run, fault)).toList(),
        !run.faults().isEmpty(),
        run.load().stream().map(RunReportPage::step).toList(),
        !run.load().isEmpty(),
        ProfileSection.of(run),
        !run.profiles().isEmpty(),
        artifacts(run),
        !run.artifacts().isEmpty(),
        run.yaml(),
        environment(run),
        run.events().stream().map(event -> event(run, event)).toList(),
        run.events().stream()
            .filter(RunReportPage::isManual)
            .map(event -> event(run, event))
            .toList(),
        run.events().stream().anyMatch(RunReportPage::isManual),
        Formats.wallClock(Instant.now()));
  }

  /**
   * What honest timing showed: requests failing outside faults, faults switched late, a load that
   * did not work.
   */
  private static List<String> findings(RunRecord run) {
    return run.events().stream()
        .filter(e -> "finding".equals(e.type()))
        .map(JournalEvent::message)
        .toList();
  }

  private static RunReportView.Control control(RunRecord run) {
    if (!ControlOutcome.isControl(run)
        || run.verdict() == Verdict.ERROR
        || run.verdict() == Verdict.ABORTED
        || run.verdict() == Verdict.INCONCLUSIVE) {
      return null;
    }
    ControlOutcome control = ControlOutcome.of(run);
    return new RunReportView.Control(control.sentence(), control.caught() ? "met" : "not-met");
  }

  private static List<Fact> facts(RunRecord run) {
    return List.of(
        new Fact(
            "Expect",
            run.expect() == null
                ? "—"
                : run.expect().name().toLowerCase(Locale.ROOT)
                    + (run.caughtBy().isEmpty()
                        ? ""
                        : " (caught-by: " + String.join(", ", run.caughtBy()) + ")")),
        new Fact("Started", Formats.wallClock(run.started())),
        new Fact("Wall time", Formats.duration(Formats.wallTime(run))),
        new Fact(
            "Load",
            run.declaredLoad() == null
                ? "—"
                : Formats.duration(run.declaredLoad())
                    + " declared, started "
                    + Formats.offset(run.started(), run.loadStarted())
                    + " into the run"),
        new Fact("Seed", Long.toString(run.seed())),
        new Fact(
            "Experiment file",
            run.experimentFile() == null ? "—" : run.experimentFile().toString()),
        new Fact("Run", Formats.orDash(run.runId())));
  }

  private static String checkSummary(RunRecord run) {
    if (ControlOutcome.isControl(run)) {
      return "control: " + VerdictWords.checksCell(run);
    }
    List<CheckResult> checks = VerdictWords.checksProper(run);
    return checks.stream().filter(CheckResult::passed).count()
        + " of "
        + checks.size()
        + " checks passed";
  }

  private static CheckView check(RunRecord run, CheckResult check) {
    CheckStatus status = check.status() == null ? CheckStatus.ERROR : check.status();
    String note = null;
    if (ControlOutcome.isControl(run) && ControlOutcome.of(run).isCatcher(check)) {
      note =
          status == CheckStatus.FAILED
              ? "caught the bug, as this control expects"
              : status == CheckStatus.PASSED ? "did not catch the bug" : null;
    }
    return new CheckView(
        check.name(),
        check.kind(),
        status.name().toLowerCase(Locale.ROOT),
        status.name().toLowerCase(Locale.ROOT),
        note,
        check.measured(),
        check.bound(),
        check.observed(),
        String.join("\n", check.evidence()),
        !check.evidence().isEmpty());
  }

  private static FaultView fault(RunRecord run, FaultWindow fault) {
    String lasted =
        fault.on() == null || fault.off() == null
            ? "—"
            : Formats.duration(Duration.between(fault.on(), fault.off()));
    return new FaultView(
        fault.name(),
        fault.kind(),
        fault.description(),
        Formats.offset(run.loadStarted(), fault.on()),
        fault.off() == null
            ? "never switched off (rolled back at the end)"
            : Formats.offset(run.loadStarted(), fault.off()),
        lasted);
  }

  private static StepView step(StepSummary s) {
    return new StepView(
        s.step(),
        s.target(),
        s.request(),
        Formats.count(s.requests()),
        Formats.count(s.ok()),
        Formats.count(s.failed()),
        Formats.count(s.indeterminate()),
        Formats.rate(s.requestsPerSecond()),
        Formats.millis(s.p50Millis()),
        Formats.millis(s.p95Millis()),
        Formats.millis(s.p99Millis()),
        Formats.millis(s.maxMillis()),
        s.failed() + s.indeterminate() > 0);
  }

  private static List<Link> artifacts(RunRecord run) {
    return run.artifacts().entrySet().stream()
        .map(entry -> new Link(entry.getKey(), Links.relative(entry.getValue()), entry.getValue()))
        .toList();
  }

  private static List<Fact> environment(RunRecord run) {
    return new TreeMap<>(run.environment())
        .entrySet().stream().map(e -> new Fact(e.getKey(), e.getValue())).toList();
  }

  /**
   * What people did or wrote during a game day (a time box rolling a fault back counts: it acted
   * for them).
   */
  private static boolean isManual(JournalEvent event) {
    return "action".equals(event.type()) || "note".equals(event.type());
  }

  private static EventView event(RunRecord run, JournalEvent event) {
    String data =
        event.data().isEmpty()
            ? null
            : new TreeMap<>(event.data())
                .entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("  "));
    boolean problem = "error".equals(event.type()) || "action".equals(event.type());
    return new EventView(
        Formats.offset(run.loadStarted() == null ? run.started() : run.loadStarted(), event.at()),
        event.type(),
        event.name(),
        event.message(),
        data,
        problem);
  }
}
