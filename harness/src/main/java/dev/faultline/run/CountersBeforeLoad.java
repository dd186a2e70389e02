package dev.faultline.run;

import dev.faultline.FaultlineException;
import dev.faultline.check.Checks;
import dev.faultline.check.CounterBeforeLoad;
import dev.faultline.check.CounterBounds;
import dev.faultline.experiment.CheckSpec;
import dev.faultline.experiment.Experiment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The counters the checks read of their targets before load (a timeout counter, a counter and its
 * applied ids), so that they judge the change over the load, and why one could not be read. Read
 * once after provisioning; then only read. Not thread-safe while reading.
 */
final class CountersBeforeLoad {

  private final Experiment experiment;
  private final Deployment deployment;
  private final RunJournal journal;
  private final Console console;
  private final Map<String, CounterBounds.Reading> readings = new LinkedHashMap<>();
  private final Map<String, String> unread = new LinkedHashMap<>();

  private CountersBeforeLoad(
      Experiment experiment, Deployment deployment, RunJournal journal, Console console) {
    this.experiment = experiment;
    this.deployment = deployment;
    this.journal = journal;
    this.console = console;
  }

  /** Reads, now, the counter of every check that observes one, in the order of the checks. */
  static CountersBeforeLoad read(Experiment e, Deployment d, RunJournal journal, Console console) {
    CountersBeforeLoad counters = new CountersBeforeLoad(e, d, journal, console);
    for (CheckSpec c : e.checks()) {
      if (c.observes().contains(CheckSpec.Observation.COUNTER_BEFORE_LOAD)) {
        Checks.of(c).counterBeforeLoad().ifPresent(counter -> counters.read(c, counter));
      }
    }
    return counters;
  }

  private void read(CheckSpec c, CounterBeforeLoad counter) {
    try {
      CounterBounds.Reading r = counter.read(deployment.targets().get(c.target()).baseUrl());
      readings.put(c.name(), r);
      journal.record("observe", c.name(), counter.readLine(r));
    } catch (FaultlineException ex) {
      unread.put(c.name(), ex.getMessage());
      journal.record("error", c.name(), counter.unreadLine(ex.getMessage()));
      counter.unreadWarning(ex.getMessage()).ifPresent(w -> console.say(experiment.name(), w));
    }
  }

  /** What a check read before load. */
  Optional<CounterBounds.Reading> reading(String check) {
    return Optional.ofNullable(readings.get(check));
  }

  /** Why a check's counter could not be read before load. */
  Optional<String> whyUnread(String check) {
    return Optional.ofNullable(unread.get(check));
  }
}
