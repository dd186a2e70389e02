package dev.faultline.builtin.batch;

import java.util.concurrent.atomic.LongAdder;

/** Ground-truth counters of the batch service. Thread-safe: adders only. */
final class BatchStats {

  final LongAdder batchesStarted = new LongAdder();
  final LongAdder batchesCompleted = new LongAdder();
  final LongAdder tasksSubmitted = new LongAdder();
  final LongAdder tasksDone = new LongAdder();
  final LongAdder tasksFailed = new LongAdder();
  final LongAdder returnedIncomplete = new LongAdder();

  Snapshot snapshot() {
    long started = batchesStarted.sum();
    long completed = batchesCompleted.sum();
    return new Snapshot(
        started,
        completed,
        started - completed,
        tasksSubmitted.sum(),
        tasksDone.sum(),
        tasksFailed.sum(),
        returnedIncomplete.sum());
  }

  /**
   * The counters; {@code batchesHung} is started minus completed, so it includes batches still
   * running at the time of the snapshot.
   */
  record Snapshot(
      long batchesStarted,
      long batchesCompleted,
      long batchesHung,
      long tasksSubmitted,
      long tasksDone,
      long tasksFailed,
      long returnedIncomplete) {}
}
