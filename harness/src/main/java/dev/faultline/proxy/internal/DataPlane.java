package dev.faultline.proxy.internal;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The event loops every proxy of one server shares, on epoll when the native transport loads
 * (its timers have microsecond precision) and NIO otherwise. System property
 * {@code faultline.proxy.transport=nio} forces NIO. Thread-safe.
 */
final class DataPlane implements AutoCloseable {
  private final EventLoopGroup group;
  private final Class<? extends ServerChannel> serverChannelType;
  private final Class<? extends Channel> clientChannelType;
  private final String transport;

  private DataPlane(
      EventLoopGroup group,
      Class<? extends ServerChannel> serverChannelType,
      Class<? extends Channel> clientChannelType,
      String transport) {
    this.group = group;
    this.serverChannelType = serverChannelType;
    this.clientChannelType = clientChannelType;
    this.transport = transport;
  }

  static DataPlane create(int threads) {
    var threadFactory = new DefaultThreadFactory("faultline-proxy-io", true);
    boolean forceNio = "nio".equalsIgnoreCase(System.getProperty("faultline.proxy.transport"));
    if (!forceNio && Epoll.isAvailable()) {
      IoHandlerFactory epoll = EpollIoHandler.newFactory();
      return new DataPlane(
          new MultiThreadIoEventLoopGroup(threads, threadFactory, epoll),
          EpollServerSocketChannel.class,
          EpollSocketChannel.class,
          "epoll");
    }
    IoHandlerFactory nio = NioIoHandler.newFactory();
    return new DataPlane(
        new MultiThreadIoEventLoopGroup(threads, threadFactory, nio),
        NioServerSocketChannel.class,
        NioSocketChannel.class,
        "nio");
  }

  EventLoopGroup group() {
    return group;
  }

  Class<? extends ServerChannel> serverChannelType() {
    return serverChannelType;
  }

  Class<? extends Channel> clientChannelType() {
    return clientChannelType;
  }

  String transport() {
    return transport;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
