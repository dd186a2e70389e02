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
record CountersBeforeLoad(Map<String, CounterBounds.Reading> readings, Map<String, String> unread) {

  /** Reads, now, the counter of every check that observes one, in the order of the checks. */
  static CountersBeforeLoad read(Experiment e, Deployment d, RunJournal journal, Console console) {
    CountersBeforeLoad counters =
        new CountersBeforeLoad(new LinkedHashMap<>(), new LinkedHashMap<>());
    for (CheckSpec c : e.checks()) {
      Optional<CounterBeforeLoad> counter =
          c.observes().contains(CheckSpec.Observation.COUNTER_BEFORE_LOAD)
              ? Checks.of(c).counterBeforeLoad()
              : Optional.empty();
      if (counter.isEmpty()) {
        continue;
      }
      try {
        CounterBounds.Reading r = counter.get().read(d.targets().get(c.target()).baseUrl());
        counters.readings.put(c.name(), r);
        journal.record("observe", c.name(), counter.get().readLine(r));
      } catch (FaultlineException ex) {
        counters.unread.put(c.name(), ex.getMessage());
        journal.record("error", c.name(), counter.get().unreadLine(ex.getMessage()));
        counter.get().unreadWarning(ex.getMessage()).ifPresent(w -> console.say(e.name(), w));
      }
    }
    return counters;
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
