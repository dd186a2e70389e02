package dev.faultline.builtin.counter;

import dev.faultline.builtin.support.InvalidRequestException;
import dev.faultline.builtin.support.VariantSelection;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP face of the counter, plus its ground truth: how many increments the handler really executed
 * (a LongAdder, exact whatever the variant) and which operation ids were applied. For a durable
 * variant both start from the counter's journal replay. Thread-safe as far as the selected {@link
 * Counter} is.
 */
@RestController
@RequestMapping("/counter")
@ConditionalOnProperty(name = VariantSelection.SERVICE_PROPERTY, havingValue = "counter")
class CounterController {

  static final int MAX_OP_LENGTH = 64;

  private final Counter counter;
  private final CounterVariant variant;
  private final LongAdder increments = new LongAdder();
  private final OperationLedger ledger = new OperationLedger();

  CounterController(Counter counter, CounterVariant variant) {
    this.counter = counter;
    this.variant = variant;
    // A durable counter replayed its journal: the ground truth continues from there too, so that a
    // restarted process answers as if it had never died.
    JournalReplay replayed = counter.replayed();
    increments.add(replayed.increments());
    replayed.ops().forEach(ledger::record);
  }

  @PostMapping("/increment")
  CounterValue increment(@RequestParam(name = "op", required = false) String op) {
    if (op != null && op.length() > MAX_OP_LENGTH) {
      throw new InvalidRequestException(
          "op must be at most " + MAX_OP_LENGTH + " characters, was " + op.length());
    }
    long after = counter.increment(op);
    increments.increment();
    if (op != null && !op.isEmpty()) {
      ledger.record(op);
    }
    return new CounterValue(after);
  }

  @GetMapping
  CounterState state() {
    return new CounterState(counter.value(), increments.sum(), variant.id());
  }

  @GetMapping("/ops")
  Operations operations() {
    return new Operations(ledger.applied(), ledger.duplicates());
  }

  @PostMapping("/reset")
  CounterState reset() {
    counter.reset();
    increments.reset();
    ledger.clear();
    return state();
  }

  /** Answer to an increment: the value it produced. */
  record CounterValue(long value) {}

  /** The counter's value next to the number of increments actually executed. */
  record CounterState(long value, long increments, String variant) {}

  /** Operation ids applied, and those applied more than once. */
  record Operations(List<String> applied, List<String> duplicates) {}
}
