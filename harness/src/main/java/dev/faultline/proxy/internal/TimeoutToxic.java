package dev.faultline.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code timeout}: drops all data; closes the connection {@code timeout} ms after the toxic started
 * on it ({@code 0}: never). As in Toxiproxy, removing the toxic also closes it.
 */
final class TimeoutToxic extends ToxicStage {
  private ScheduledFuture<?> timer;
  private boolean closed;

  TimeoutToxic(ToxicSpec spec, ToxicLink link) {
    super(spec, link);
  }

  @Override
  void attached() {
    long timeout = spec.attribute("timeout");
    if (timeout > 0) {
      timer = link.eventLoop().schedule(this::close, timeout, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  void onChunk(ByteBuf data, long timestampNanos) {
    data.release();
  }

  @Override
  void onEnd() {
    close();
  }

  @Override
  void removed() {
    close();
  }

  @Override
  void replacedBy(ToxicStage successor) {
    cancelTimer();
  }

  private void close() {
    cancelTimer();
    if (!closed) {
      closed = true;
      next.end();
    }
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  @Override
  void dispose() {
    cancelTimer();
  }
}
