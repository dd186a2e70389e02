package dev.faultline.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

/**
 * The end of a chain: writes to the destination channel. Inside a read batch it only writes and the
 * link flushes once at read-complete; chunks released by timers are flushed at once.
 */
final class OutputStage extends ToxicStage {
  private final Channel destination;
  private boolean ended;
  private boolean dirty;

  OutputStage(ToxicLink link, Channel destination) {
    super(null, link);
    this.destination = destination;
  }

  @Override
  void onChunk(ByteBuf data, long timestampNanos) {
    if (ended) {
      data.release();
      return;
    }
    link.countSent(data.readableBytes());
    if (link.inReadBatch()) {
      destination.write(data, destination.voidPromise());
      dirty = true;
    } else {
      destination.writeAndFlush(data, destination.voidPromise());
    }
    if (!destination.isWritable()) {
      link.outputBlocked(true);
    }
  }

  void flushIfDirty() {
    if (dirty) {
      dirty = false;
      destination.flush();
    }
  }

  @Override
  void onEnd() {
    if (ended) {
      return;
    }
    ended = true;
    dirty = false;
    destination.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
  }
}
