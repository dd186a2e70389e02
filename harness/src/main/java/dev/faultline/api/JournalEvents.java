package dev.faultline.api;

import dev.faultline.check.CheckStatus;
import dev.faultline.report.JournalEvent;
import java.util.function.Consumer;

/**
 * Turns the run's journal, event by event, into calls on a {@link RunListener}; events a listener
 * has no method for are passed over. Stateless.
 */
final class JournalEvents implements Consumer<JournalEvent> {

  private final RunListener listener;

  JournalEvents(RunListener listener) {
    this.listener = listener;
  }

  @Override
  public void accept(JournalEvent event) {
    switch (event.type()) {
      case "phase" -> listener.phase(event.name(), event.message());
      case "fault" -> fault(event);
      case "check" -> check(event);
      default -> {
        // targets, proxies, actions, notes, errors: in the journal and the report
      }
    }
  }

  private void check(JournalEvent event) {
    String status = event.data().get("status");
    if (status != null) {
      listener.checkFinished(
          new CheckOutcome(event.name(), CheckStatus.valueOf(status), event.message()));
    }
  }

  private void fault(JournalEvent event) {
    String state = event.data().getOrDefault("state", "");
    if (state.equals("on")) {
      listener.faultInjected(event.name(), event.message());
    } else if (state.equals("off")) {
      listener.faultRolledBack(event.name(), event.message());
    }
  }
}
