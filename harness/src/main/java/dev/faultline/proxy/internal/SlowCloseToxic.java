package dev.faultline.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@code slow_close}: data passes; the close is passed on only {@code delay} ms later. */
final class SlowCloseToxic extends ToxicStage {
  private ScheduledFuture<?> pendingClose;

  SlowCloseToxic(ToxicSpec spec, ToxicLink link) {
    super(spec, link);
  }

  @Override
  void onChunk(ByteBuf data, long timestampNanos) {
    next.chunk(data, timestampNanos);
  }

  @Override
  void onEnd() {
    pendingClose =
        link.eventLoop().schedule(this::closeNow, spec.attribute("delay"), TimeUnit.MILLISECONDS);
  }

  private void closeNow() {
    pendingClose = null;
    next.end();
  }

  @Override
  void handOver(ToxicStage target) {
    if (pendingClose != null) {
      pendingClose.cancel(false);
      pendingClose = null;
      target.end();
    }
  }

  @Override
  void dispose() {
    if (pendingClose != null) {
      pendingClose.cancel(false);
    }
  }
}
