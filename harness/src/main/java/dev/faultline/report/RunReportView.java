package dev.faultline.report;

import java.util.List;

/**
 * What run-report.mustache shows, as text already formatted for reading. Every string is escaped by
 * the template; booleans say whether a section is present.
 */
record RunReportView(
    String experiment,
    String description,
    String runId,
    String verdictLabel,
    String verdictClass,
    String verdictSentence,
    Control control,
    String error,
    List<Fact> facts,
    String checkSummary,
    List<String> findings,
    boolean hasFindings,
    List<CheckView> checks,
    ChartView chart,
    List<FaultView> faults,
    boolean hasFaults,
    List<StepView> steps,
    boolean hasSteps,
    List<ProfileSection.ProfileView> profiles,
    boolean hasProfiles,
    List<Link> artifacts,
    boolean hasArtifacts,
    String yaml,
    List<Fact> environment,
    List<EventView> events,
    List<EventView> manual,
    boolean hasManual,
    String generated) {

  /** The plain sentence about a control; {@code met} colours it. */
  record Control(String sentence, String cssClass) {}

  /** A label and its value. */
  record Fact(String label, String value) {}

  record CheckView(
      String name,
      String kind,
      String status,
      String statusClass,
      String note,
      String measured,
      String bound,
      String observed,
      String evidence,
      boolean hasEvidence) {}

  record FaultView(
      String name, String kind, String description, String on, String off, String lasted) {}

  record StepView(
      String step,
      String target,
      String request,
      String requests,
      String ok,
      String failed,
      String indeterminate,
      String rate,
      String p50,
      String p95,
      String p99,
      String max,
      boolean hasErrors) {}

  /**
   * A link to an artifact; {@code href} is null (no link, just the path) when the path may not be
   * linked.
   */
  record Link(String label, String href, String path) {}

  record EventView(
      String offset, String type, String name, String message, String data, boolean problem) {}
}
