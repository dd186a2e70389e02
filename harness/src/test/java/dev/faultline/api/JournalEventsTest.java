package dev.faultline.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.check.CheckStatus;
import dev.faultline.report.JournalEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalEventsTest {

  private final List<String> heard = new ArrayList<>();

  private final RunListener listener =
      new RunListener() {
        @Override
        public void phase(String phase, String message) {
          heard.add("phase " + phase + ": " + message);
        }

        @Override
        public void faultInjected(String fault, String message) {
          heard.add("on " + fault + ": " + message);
        }

        @Override
        public void faultRolledBack(String fault, String message) {
          heard.add("off " + fault + ": " + message);
        }

        @Override
        public void checkFinished(CheckOutcome check) {
          heard.add("check " + check);
        }
      };

  private static JournalEvent event(
      String type, String name, String message, Map<String, String> data) {
    return new JournalEvent(Instant.EPOCH, type, name, message, data);
  }

  @Test
  void phases_faults_and_checks_reach_the_listener_in_the_order_they_were_journalled() {
    JournalEvents events = new JournalEvents(listener);

    events.accept(event("phase", "load", "load starts: increments", Map.of()));
    events.accept(event("fault", "slow-db", "on: latency 200ms", Map.of("state", "on")));
    events.accept(event("fault", "slow-db", "off (rolled back)", Map.of("state", "off")));
    events.accept(
        event(
            "check",
            "no-leak",
            "no-leak failed: threads 40 > 30",
            Map.of("status", "FAILED", "elapsedMillis", "12")));

    assertThat(heard)
        .containsExactly(
            "phase load: load starts: increments",
            "on slow-db: on: latency 200ms",
            "off slow-db: off (rolled back)",
            "check "
                + new CheckOutcome(
                    "no-leak", CheckStatus.FAILED, "no-leak failed: threads 40 > 30"));
  }

  @Test
  void events_the_listener_has_no_method_for_are_passed_over() {
    JournalEvents events = new JournalEvents(listener);

    events.accept(event("target", "counter", "healthy at http://127.0.0.1:1", Map.of()));
    events.accept(event("fault", "kill", "SIGKILL sent to pid 7", Map.of("signal", "KILL")));
    events.accept(event("check", "odd", "a check event without a status", Map.of()));
    events.accept(event("note", "session a", "looks slow", Map.of("session", "a")));

    assertThat(heard).isEmpty();
  }

  @Test
  void a_listener_that_overrides_nothing_hears_nothing_and_does_not_fail() {
    JournalEvents events = new JournalEvents(new RunListener() {});

    events.accept(event("phase", "checks", "evaluating 1 checks", Map.of()));
    events.accept(event("check", "c", "c passed", Map.of("status", "PASSED")));

    assertThat(heard).isEmpty();
  }
}
