package dev.faultline.builtin.ledger;

import dev.faultline.builtin.support.InvalidRequestException;
import dev.faultline.builtin.support.VariantSelection;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP face of the ledger, and its ground truth: entries posted and failed, and whether the lock is
 * held and how many wait for it. An entry whose audit threw answers 500. Thread-safe: adders, and
 * the thread-safe ledger.
 */
@RestController
@RequestMapping("/ledger")
@ConditionalOnProperty(name = VariantSelection.SERVICE_PROPERTY, havingValue = "ledger")
class LedgerController {

  private final LedgerVariant variant;
  private final AuditTrail audit;
  private final Ledger ledger;
  private final LongAdder posted = new LongAdder();
  private final LongAdder failed = new LongAdder();

  LedgerController(@Value("${faultline.variant:}") String variant, AuditTrail audit) {
    this.variant = VariantSelection.select("ledger", variant, LedgerVariant.class);
    this.audit = audit;
    this.ledger = new Ledger(this.variant, audit);
  }

  @PostMapping("/entries")
  Posted post(@RequestParam(name = "op", defaultValue = "") String op) throws InterruptedException {
    InvalidRequestException.requireBetween("op length", op.length(), 0, 64);
    boolean ok = false;
    try {
      long balance = ledger.post(op);
      ok = true;
      return new Posted(balance);
    } finally {
      (ok ? posted : failed).increment();
    }
  }

  @GetMapping("/stats")
  Stats stats() {
    Ledger.State lock = ledger.state();
    return new Stats(
        variant.id(), posted.sum(), failed.sum(), audit.recorded(), lock.locked(), lock.waiting());
  }

  /** One entry's answer: the balance it produced. */
  record Posted(long balance) {}

  /**
   * Ground truth; {@code lockHeld} and {@code waiting} describe the ledger's lock at the time of
   * the request (after the load, a held lock is one nobody released).
   */
  record Stats(
      String variant, long posted, long failed, long recorded, boolean lockHeld, int waiting) {}
}
