package dev.faultline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.experiment.Durations;
import dev.faultline.experiment.Fault;
import dev.faultline.experiment.FaultSpec;
import dev.faultline.experiment.TargetFaults;
import dev.faultline.fault.ActiveFault;
import dev.faultline.fault.FaultInjector;
import dev.faultline.report.FaultWindow;
import dev.faultline.report.JournalEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Switching faults on and off, by hand and on the schedule: what is on, the windows and the
 * journal, and what a fault that cannot be applied or rolled back leaves. The injector is the one
 * seam: it records what it was asked to do.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FaultScheduleTest {

  private final RunJournal journal = new RunJournal(Clock.systemUTC());
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final List<String> switched = new CopyOnWriteArrayList<>();

  private static FaultSpec pause(String name, String at, String lasts) {
    return fault(name, at, lasts, new TargetFaults.PauseProcess("shop"));
  }

  private static FaultSpec fault(String name, String at, String lasts, Fault kind) {
    return new FaultSpec(
        name, Durations.parse(at), lasts == null ? null : Durations.parse(lasts), kind);
  }

  /** Records each switch; its active faults measured a pause of 1.2 s. */
  private final FaultInjector recording =
      f -> {
        switched.add("on " + f.name());
        return new ActiveFault() {
          @Override
          public String name() {
            return f.name();
          }

          @Override
          public void rollback() {
            switched.add("off " + f.name());
          }

          @Override
          public Map<String, String> figures() {
            return Map.of("pausedMillis", "1200");
          }

          @Override
          public String summary() {
            return "paused 1.2 s";
          }
        };
      };

  private FaultSchedule schedule(FaultInjector injector, FaultSpec... faults) {
    return new FaultSchedule(
        "drill",
        List.of(faults),
        f -> injector,
        journal,
        new Console(new PrintStream(printed, true, StandardCharsets.UTF_8)));
  }

  private List<JournalEvent> events(String type) {
    return journal.events().stream().filter(e -> e.type().equals(type)).toList();
  }

  @Test
  void a_fault_goes_on_once_and_its_rollback_records_its_window_with_what_it_measured() {
    FaultSchedule schedule = schedule(recording, pause("hang", "0s", null));

    assertThat(schedule.switchOn("hang")).isTrue();
    assertThat(schedule.switchOn("hang")).as("on already").isFalse();
    assertThat(schedule.activeFaults()).containsExactly("hang");
    assertThat(schedule.activeSince()).containsOnlyKeys("hang");
    assertThat(schedule.switchOff("hang")).isTrue();
    assertThat(schedule.switchOff("hang")).as("off already").isFalse();

    assertThat(switched).containsExactly("on hang", "off hang");
    assertThat(schedule.activeFaults()).isEmpty();
    assertThat(schedule.activeSince()).isEmpty();
    assertThat(schedule.errors()).isEmpty();
    FaultWindow window = schedule.windows().get(0);
    assertThat(window.name()).isEqualTo("hang");
    assertThat(window.kind()).isEqualTo("pause-process");
    assertThat(window.description())
        .isEqualTo("pause-process target=shop, at 0s until load ends — paused 1.2 s");
    assertThat(window.on()).isBeforeOrEqualTo(window.off());
    FaultWindow reach = schedule.reach().get(0);
    assertThat(reach.description()).isEqualTo("pause-process target=shop, at 0s until load ends");
    assertThat(reach.on()).isBeforeOrEqualTo(window.on());
    assertThat(reach.off()).isEqualTo(window.off());
    assertThat(events("fault"))
        .extracting(JournalEvent::message)
        .containsExactly(
            "on: pause-process target=shop, at 0s until load ends",
            "off (rolled back) — paused 1.2 s");
    assertThat(events("fault").get(1).data())
        .isEqualTo(Map.of("kind", "pause-process", "state", "off", "pausedMillis", "1200"));
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("[drill] fault hang on (pause-process target=shop, at 0s until load ends)")
        .contains("[drill] fault hang off");
  }

  @Test
  void a_fault_the_experiment_does_not_declare_is_neither_switched_on_nor_off() {
    FaultSchedule schedule = schedule(recording, pause("hang", "0s", null));

    assertThat(schedule.switchOn("nosuch")).isFalse();
    assertThat(schedule.switchOff("nosuch")).isFalse();

    assertThat(switched).isEmpty();
    assertThat(journal.events()).isEmpty();
  }

  @Test
  void a_fault_that_cannot_be_applied_is_an_error_not_an_active_fault_and_may_be_tried_again() {
    AtomicInteger attempts = new AtomicInteger();
    FaultInjector failsFirst =
        f -> {
          if (attempts.incrementAndGet() == 1) {
            throw new IllegalStateException("target shop has no process");
          }
          return recording.apply(f);
        };
    FaultSchedule schedule = schedule(failsFirst, pause("hang", "0s", "2s"));

    assertThat(schedule.switchOn("hang")).isFalse();
    assertThat(schedule.activeFaults()).isEmpty();
    assertThat(schedule.errors()).containsExactly("target shop has no process");
    assertThat(events("error"))
        .extracting(JournalEvent::message)
        .containsExactly("could not switch the fault on: target shop has no process");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("fault hang could NOT be applied: target shop has no process");

    assertThat(schedule.switchOn("hang")).as("the second attempt").isTrue();
    assertThat(schedule.activeFaults()).containsExactly("hang");
  }

  @Test
  void a_rollback_that_fails_is_an_error_and_leaves_a_window_without_an_end() {
    FaultInjector stuck =
        f ->
            new ActiveFault() {
              @Override
              public String name() {
                return f.name();
              }

              @Override
              public void rollback() {
                throw new IllegalStateException("SIGCONT refused");
              }
            };
    FaultSchedule schedule = schedule(stuck, pause("hang", "1500ms", "2s"));
    schedule.switchOn("hang");

    assertThat(schedule.switchOff("hang")).isTrue();

    assertThat(schedule.activeFaults()).as("no longer counted as on").isEmpty();
    assertThat(schedule.errors()).containsExactly("SIGCONT refused");
    assertThat(events("error"))
        .extracting(JournalEvent::message)
        .containsExactly("rollback failed: SIGCONT refused");
    FaultWindow window = schedule.windows().get(0);
    assertThat(window.description()).isEqualTo("pause-process target=shop, at 1500ms for 2s");
    assertThat(window.on()).isNotNull();
    assertThat(window.off()).isNull();
    assertThat(schedule.reach().get(0).off()).isNull();
  }

  @Test
  void on_the_schedule_a_fault_goes_on_at_its_time_and_stays_on_for_its_window_or_the_load() {
    FaultSchedule schedule =
        schedule(recording, pause("early", "0s", "300ms"), pause("late", "200ms", null));
    Instant loadStart = Instant.now();

    schedule.start(loadStart, Duration.ofMillis(800));
    await().atMost(Duration.ofSeconds(20)).until(() -> schedule.windows().size() == 2);

    assertThat(switched).startsWith("on early").contains("on late", "off early", "off late");
    FaultWindow early = window(schedule, "early");
    FaultWindow late = window(schedule, "late");
    assertThat(early.on()).isAfterOrEqualTo(loadStart);
    assertThat(Duration.between(early.on(), early.off()))
        .as("for counts from when it is on")
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    // the schedule waits on the monotonic clock, the window is stamped from the wall clock: the
    // two may disagree by microseconds
    assertThat(late.on()).isAfterOrEqualTo(loadStart.plusMillis(200).minusMillis(1));
    assertThat(late.off())
        .as(
            "without for: on until the load ends, 800 ms after it started (however late it went on)")
        .isAfterOrEqualTo(loadStart.plusMillis(800));
    assertThat(late.description())
        .startsWith("pause-process target=shop, at 200ms until load ends");
  }

  @Test
  void rolling_back_all_switches_off_what_is_on_and_cancels_what_is_still_scheduled() {
    try (FaultSchedule schedule =
        schedule(recording, pause("now", "0s", null), pause("later", "1s", null))) {
      schedule.start(Instant.now(), Duration.ofSeconds(10));
      await().atMost(Duration.ofSeconds(10)).until(() -> switched.contains("on now"));

      schedule.rollbackAll();

      assertThat(schedule.activeFaults()).isEmpty();
      assertThat(switched).containsExactly("on now", "off now");
      await()
          .during(Duration.ofMillis(1500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> !switched.contains("on later"));
    }
  }

  @Test
  void a_kill_worker_fault_is_described_by_its_count_and_its_schedule() {
    FaultSpec crash = fault("crash", "1500ms", "2s", new TargetFaults.KillWorker("batch", null, 1));

    assertThat(FaultSchedule.describe(crash))
        .isEqualTo("kill-worker target=batch, count=1, at 1500ms for 2s");
  }

  private static FaultWindow window(FaultSchedule schedule, String name) {
    return schedule.windows().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
  }
}
