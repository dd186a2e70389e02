package dev.faultline.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code reset_peer}: on the first data (or the end) in its stream, waits {@code timeout} ms and
 * then resets both sockets of the connection (SO_LINGER 0, so the peers see a TCP RST). Data is
 * dropped.
 */
final class ResetPeerToxic extends ToxicStage {
  private ScheduledFuture<?> timer;
  private boolean triggered;

  ResetPeerToxic(ToxicSpec spec, ToxicLink link) {
    super(spec, link);
  }

  @Override
  void onChunk(ByteBuf data, long timestampNanos) {
    data.release();
    trigger();
  }

  @Override
  void onEnd() {
    trigger();
  }

  private void trigger() {
    if (triggered) {
      return;
    }
    triggered = true;
    long timeout = spec.attribute("timeout");
    if (timeout <= 0) {
      link.resetConnection();
    } else {
      timer = link.eventLoop().schedule(link::resetConnection, timeout, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  void handOver(ToxicStage target) {
    dispose();
  }

  @Override
  void dispose() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
