package dev.faultline.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/**
 * The Netty handler on each of a connection's two sockets: what is read feeds the link whose source
 * this socket is; writability feeds the link whose destination it is.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
  private final ProxiedConnection connection;
  private final boolean clientSide;

  ConnectionHandler(ProxiedConnection connection, boolean clientSide) {
    this.connection = connection;
    this.clientSide = clientSide;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    // reads that grow to 1 MiB: fewer syscalls per byte for bulk transfers
    ctx.channel()
        .config()
        .setRecvByteBufAllocator(new AdaptiveRecvByteBufAllocator(512, 64 << 10, 1 << 20));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ToxicLink link = connection.linkFrom(clientSide);
    if (link == null) {
      ((ByteBuf) msg).release();
    } else {
      link.onRead((ByteBuf) msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ToxicLink link = connection.linkFrom(clientSide);
    if (link != null) {
      link.onReadComplete();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    ToxicLink link = connection.linkFrom(!clientSide);
    if (link != null) {
      link.outputBlocked(!ctx.channel().isWritable());
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof ChannelInputShutdownEvent) {
      connection.inputShutdown(clientSide);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    connection.socketClosed(clientSide);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
