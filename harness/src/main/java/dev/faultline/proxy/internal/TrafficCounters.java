package dev.faultline.proxy.internal;

import java.util.concurrent.atomic.LongAdder;

/** Bytes received and sent per direction of one proxy, for {@code /metrics}. Thread-safe. */
final class TrafficCounters {
  private final LongAdder[] received = {new LongAdder(), new LongAdder()};
  private final LongAdder[] sent = {new LongAdder(), new LongAdder()};

  LongAdder received(StreamDirection direction) {
    return received[direction.ordinal()];
  }

  LongAdder sent(StreamDirection direction) {
    return sent[direction.ordinal()];
  }
}
