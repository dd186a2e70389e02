package dev.faultline.proxy.internal;

import io.netty.buffer.ByteBuf;

/**
 * {@code limit_data}: passes at most {@code bytes} bytes in its stream, then closes the connection.
 * The count survives an update of the toxic, as in Toxiproxy.
 */
final class LimitDataToxic extends ToxicStage {
  private long transmitted;
  private boolean closed;

  LimitDataToxic(ToxicSpec spec, ToxicLink link) {
    super(spec, link);
  }

  @Override
  void onChunk(ByteBuf data, long timestampNanos) {
    if (closed) {
      data.release();
      return;
    }
    long remaining = Math.max(0, spec.attribute("bytes") - transmitted);
    if (remaining < data.readableBytes()) {
      data.writerIndex(data.readerIndex() + (int) remaining);
    }
    int length = data.readableBytes();
    if (length > 0) {
      transmitted += length;
      next.chunk(data, timestampNanos);
    } else {
      data.release();
    }
    if (remaining - length <= 0) {
      closed = true;
      next.end();
    }
  }

  @Override
  void onEnd() {
    if (!closed) {
      closed = true;
      next.end();
    }
  }

  @Override
  void replacedBy(ToxicStage successor) {
    if (successor instanceof LimitDataToxic limit) {
      limit.transmitted = transmitted;
    }
  }
}
