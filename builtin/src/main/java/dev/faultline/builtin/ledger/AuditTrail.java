package dev.faultline.builtin.ledger;

import dev.faultline.builtin.support.SimulatedWork;
import dev.faultline.builtin.support.VariantSelection;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * The collaborator the ledger calls while it holds its lock: records an entry (simulated work). A
 * Spring {@code @Service} on purpose, so that a Chaos Monkey assault with the {@code service}
 * watcher throws from {@link #record} — the failure the ledger's lock must survive. Public, with a
 * public method, because Chaos Monkey only advises those. Thread-safe: the count is an adder.
 */
@Service
@ConditionalOnProperty(name = VariantSelection.SERVICE_PROPERTY, havingValue = "ledger")
public class AuditTrail {

  private final SimulatedWork work;
  private final LongAdder recorded = new LongAdder();

  AuditTrail(@Value("${faultline.ledger.work:1ms}") Duration work) {
    this.work = new SimulatedWork(work);
  }

  /**
   * Records one entry.
   *
   * @param op the entry's operation id
   */
  public void record(String op) {
    work.run();
    recorded.increment();
  }

  /** How many entries were recorded. */
  public long recorded() {
    return recorded.sum();
  }
}
