package dev.faultline.proxy.internal;

import io.netty.buffer.ByteBuf;

/**
 * One toxic applied to one direction of one connection. Stages form a chain ending in the {@link
 * OutputStage}; every method runs on the connection's event loop, so stages need no locks.
 *
 * <p>A chunk's {@code timestampNanos} is when it arrived (or when a previous toxic released it), so
 * delays are measured from arrival, as Toxiproxy does.
 */
abstract class ToxicStage {
  final ToxicLink link;
  final ToxicSpec spec;

  /** Whether this connection drew this toxic (the {@code toxicity} roll); if not, a no-op. */
  private final boolean active;

  ToxicStage next;

  ToxicStage(ToxicSpec spec, ToxicLink link) {
    this.spec = spec;
    this.link = link;
    this.active = spec == null || link.rollToxicity(spec.toxicity());
  }

  final void chunk(ByteBuf data, long timestampNanos) {
    if (active) {
      onChunk(data, timestampNanos);
    } else {
      next.chunk(data, timestampNanos);
    }
  }

  final void end() {
    if (active) {
      onEnd();
    } else {
      next.end();
    }
  }

  /** Takes ownership of {@code data}: forward it or release it. */
  abstract void onChunk(ByteBuf data, long timestampNanos);

  /** The source ended: forward the end once everything held before it has gone. */
  void onEnd() {
    next.end();
  }

  final void start() {
    if (active) {
      attached();
    }
  }

  final void remove() {
    if (active) {
      removed();
    }
  }

  final void replaceWith(ToxicStage successor) {
    if (active) {
      replacedBy(successor);
    }
  }

  /** Called when the toxic starts on this connection (connection start or toxic added live). */
  void attached() {}

  /** The toxic was removed: let whatever it holds go on at once to {@link #next}. */
  void removed() {
    handOver(next);
  }

  /**
   * The toxic was updated: {@code successor} replaces this stage; held data and state move to it.
   */
  void replacedBy(ToxicStage successor) {
    handOver(successor);
  }

  /** Forward held data (and a held end) to {@code target}, and cancel timers. */
  void handOver(ToxicStage target) {}

  /** The connection is gone: release held buffers, cancel timers. */
  void dispose() {}
}
