package dev.faultline.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.check.CheckContext;
import dev.faultline.experiment.Connection;
import dev.faultline.experiment.Durations;
import dev.faultline.experiment.FaultSpec;
import dev.faultline.experiment.HttpRequestLine;
import dev.faultline.experiment.LoadSpec;
import dev.faultline.experiment.Percent;
import dev.faultline.experiment.TargetFaults;
import dev.faultline.experiment.Workload;
import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import dev.faultline.report.FaultWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadHealthTest {

  private static final Instant START = Instant.ofEpochMilli(100_000);

  private static LoadSpec step(String minOk) {
    return new LoadSpec(
        "orders",
        "shop",
        new HttpRequestLine("GET", "/orders"),
        null,
        null,
        Workload.OPEN,
        null,
        null,
        Duration.ZERO,
        Duration.ofSeconds(10),
        0,
        Duration.ZERO,
        Percent.parse(minOk),
        Connection.CLOSE);
  }

  /**
   * One request every 100 ms from the start: {@code status} for those in [from, to) seconds, 200
   * for the rest.
   */
  private static List<RequestOutcome> requests(
      int count, double fromSecond, double toSecond, int status) {
    List<RequestOutcome> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long start = START.toEpochMilli() + 100L * i;
      double s = i / 10.0;
      int st = s >= fromSecond && s < toSecond ? status : 200;
      Outcome o = st == 200 ? Outcome.OK : st == 0 ? Outcome.INDETERMINATE : Outcome.FAILED;
      out.add(
          new RequestOutcome(
              "orders",
              "orders-" + (i + 1),
              start,
              5_000,
              st,
              o,
              o == Outcome.OK
                  ? null
                  : st == 0 ? "Request timeout after 2000 ms" : "HTTP status " + st));
    }
    return out;
  }

  private static CheckContext.Window window(double onSecond, double offSecond) {
    return new CheckContext.Window(
        START.plusMillis((long) (onSecond * 1000)), START.plusMillis((long) (offSecond * 1000)));
  }

  @Test
  void a_step_whose_every_request_answered_404_did_not_exercise_the_service() {
    List<String> reasons =
        LoadHealth.unexercised(List.of(step("90%")), requests(10, 0, 10, 404), List.of());

    assertThat(reasons)
        .containsExactly(
            "step orders: only 0 of 10 requests outside fault windows were ok (0.0%, below min-ok 90%); "
                + "most frequent cause: failed: HTTP status 404 (10)");
  }

  @Test
  void failures_inside_a_fault_window_do_not_count_against_the_load() {
    List<RequestOutcome> requests = requests(100, 2, 8, 500);

    assertThat(LoadHealth.unexercised(List.of(step("90%")), requests, List.of(window(2, 8))))
        .isEmpty();
    assertThat(LoadHealth.unexercised(List.of(step("90%")), requests, List.of()))
        .as("the same failures with no fault")
        .hasSize(1);
    assertThat(LoadHealth.unexercised(List.of(step("0%")), requests, List.of()))
        .as("min-ok 0% turns the rule off")
        .isEmpty();
  }

  @Test
  void failures_outside_every_fault_are_a_finding_that_points_at_a_warm_up_when_they_come_first() {
    // A cold service: the first 2.4 s time out, then everything is ok; a fault from 5 s to 7 s.
    List<RequestOutcome> requests = requests(100, 0, 2.4, 0);

    assertThat(LoadHealth.failuresOutsideFaults(requests, List.of(window(5, 7)), START))
        .hasValue(
            "24 of 100 requests failed or timed out outside any fault window: first at 0.0 s (orders-1, indeterminate: Request timeout after 2000 ms)"
                + " — most in the first 5 s: the service may need a warm-up (warm-up: 3s on the load step)");
    assertThat(
            LoadHealth.failuresOutsideFaults(requests(100, 5, 7, 0), List.of(window(5, 7)), START))
        .isEmpty();
  }

  private static FaultSpec killWorker(String name, String at, String length) {
    return new FaultSpec(
        name,
        Durations.parse(at),
        Durations.parse(length),
        new TargetFaults.KillWorker("batch", null, 1));
  }

  @Test
  void
      a_fault_switched_on_or_off_later_than_declared_beyond_the_tolerance_is_flagged_with_the_delay() {
    FaultSpec slow = killWorker("slow", "3s", "2s");
    FaultSpec prompt = killWorker("prompt", "1s", "1s");
    FaultSpec stuck = killWorker("stuck", "1s", "1s");
    List<FaultWindow> windows =
        List.of(
            new FaultWindow(
                "slow", "kill-worker", "", START.plusMillis(4_300), START.plusMillis(6_360)),
            new FaultWindow(
                "prompt", "kill-worker", "", START.plusMillis(1_200), START.plusMillis(2_240)),
            new FaultWindow(
                "stuck", "kill-worker", "", START.plusMillis(1_100), START.plusMillis(3_500)));

    assertThat(LoadHealth.lateFaults(List.of(slow, prompt, stuck), windows, START))
        .as("slow's window counts from its late start and ends on time from there: one finding")
        .containsExactly(
            "fault slow went on 1.3 s late: declared at 3.0 s, on at 4.3 s",
            "fault stuck went off 1.4 s late: due off at 2.1 s (1.0 s after it went on), off at"
                + " 3.5 s");
  }

  @Test
  void the_warm_up_is_left_out_of_the_measured_requests() {
    List<RequestOutcome> all = requests(50, 0, 0, 200);

    assertThat(LoadHealth.measured(all, START.plusSeconds(3)))
        .hasSize(20)
        .allMatch(r -> r.startMillis() >= START.toEpochMilli() + 3000);
  }
}
