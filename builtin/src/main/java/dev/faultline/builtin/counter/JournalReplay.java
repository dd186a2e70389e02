package dev.faultline.builtin.counter;

import java.util.List;

/**
 * What a counter journal held when the process started: how many increments it records, the
 * operation ids among them in journal order (an id retried and applied twice appears twice), and
 * how many bytes of a torn last line — cut off by a kill mid-write — were dropped. Immutable.
 *
 * @param increments complete journal lines, one per increment with or without an op id
 * @param ops the op ids, in order, without the increments that had none
 * @param tornBytes the length of the incomplete last line that was dropped, 0 if there was none
 */
record JournalReplay(long increments, List<String> ops, int tornBytes) {

  /** An empty journal, or none at all. */
  static final JournalReplay NOTHING = new JournalReplay(0, List.of(), 0);

  JournalReplay {
    ops = List.copyOf(ops);
  }
}
