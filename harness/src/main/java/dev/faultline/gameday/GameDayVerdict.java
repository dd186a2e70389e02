package dev.faultline.gameday;

import dev.faultline.check.CheckStatus;
import dev.faultline.experiment.Expectation;
import dev.faultline.experiment.Experiment;
import dev.faultline.report.Verdict;
import dev.faultline.run.Judgement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict of a game day: what the checks showed when last run (a check never run proves
 * nothing), and why the game day ended. Stateless.
 */
final class GameDayVerdict {

  private GameDayVerdict() {}

  static Judgement judge(
      Experiment e,
      Map<String, Room.CheckRun> lastRuns,
      String endReason,
      String error,
      Instant origin) {
    String ended = "Game day ended: " + endReason + ". ";
    if (error != null) {
      return new Judgement(
          Verdict.ERROR, ended + "No verdict: Faultline could not run the game day — " + error);
    }
    List<String> said = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> errored = new ArrayList<>();
    List<String> notRun = new ArrayList<>();
    for (var spec : e.checks()) {
      Room.CheckRun run = lastRuns.get(spec.name());
      if (run == null) {
        notRun.add(spec.name());
        continue;
      }
      CheckStatus s = run.result().status();
      said.add(
          spec.name()
              + " "
              + s.name().toLowerCase(Locale.ROOT)
              + " at +"
              + (run.at().getEpochSecond() - origin.getEpochSecond())
              + " s");
      (s == CheckStatus.FAILED
              ? failed
              : s == CheckStatus.ERROR ? errored : new ArrayList<String>())
          .add(spec.name());
    }
    String shown =
        said.isEmpty() ? "no check was run" : "checks when last run: " + String.join(", ", said);
    String missing =
        notRun.isEmpty() || said.isEmpty() ? "" : "; never run: " + String.join(", ", notRun);
    if (said.isEmpty()) {
      return new Judgement(
          Verdict.ABORTED, ended + "No verdict: " + shown + "; every fault was rolled back.");
    }
    boolean control = e.expect() == Expectation.CAUGHT;
    if (!errored.isEmpty() && failed.isEmpty()) {
      return new Judgement(
          Verdict.ERROR,
          ended
              + "No verdict: "
              + String.join(", ", errored)
              + " could not be evaluated ("
              + shown
              + missing
              + ").");
    }
    if (control) {
      return failed.isEmpty()
          ? new Judgement(
              Verdict.NOT_MET,
              ended + "Not met (control): the bug went unseen (" + shown + missing + ").")
          : new Judgement(
              Verdict.MET,
              ended
                  + "Met (control): the known bug was caught by "
                  + String.join(", ", failed)
                  + " ("
                  + shown
                  + missing
                  + ").");
    }
    return failed.isEmpty()
        ? new Judgement(Verdict.MET, ended + "Met: " + shown + missing + ".")
        : new Judgement(
            Verdict.NOT_MET,
            ended + "Not met: " + String.join(", ", failed) + " failed (" + shown + missing + ").");
  }
}
