package dev.faultline.proxy.internal;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SelectStrategy;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.channels.spi.SelectorProvider;
import java.util.concurrent.TimeUnit;

/**
 * The event loops every proxy of one server shares, on epoll when the native transport loads (its
 * timers have microsecond precision) and NIO otherwise. System property {@code
 * faultline.proxy.transport=nio} forces NIO. The loops wait through a {@link
 * SpinningSelectStrategy}: {@code faultline.proxy.io-spin-micros} (default {@value
 * #DEFAULT_IO_SPIN_MICROS}, 0 = never poll after I/O) and {@code faultline.proxy.timer-spin-micros}
 * (default {@value #DEFAULT_TIMER_SPIN_MICROS}, 0 = sleep until timers) trade CPU for latency.
 * Thread-safe.
 */
final class DataPlane implements AutoCloseable {
  static final long DEFAULT_IO_SPIN_MICROS = 50;
  static final long DEFAULT_TIMER_SPIN_MICROS = 2_000;

  /** How long before a precise deadline a loop stops sleeping and polls; read by timed stages. */
  static final long TIMER_SPIN_NANOS =
      micros("faultline.proxy.timer-spin-micros", DEFAULT_TIMER_SPIN_MICROS) * 1_000L;

  private static final long IO_SPIN_NANOS =
      micros("faultline.proxy.io-spin-micros", DEFAULT_IO_SPIN_MICROS) * 1_000L;

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
      IoHandlerFactory epoll = EpollIoHandler.newFactory(0, DataPlane::selectStrategy);
      return new DataPlane(
          new MultiThreadIoEventLoopGroup(threads, threadFactory, epoll),
          EpollServerSocketChannel.class,
          EpollSocketChannel.class,
          "epoll");
    }
    IoHandlerFactory nio =
        NioIoHandler.newFactory(SelectorProvider.provider(), DataPlane::selectStrategy);
    return new DataPlane(
        new MultiThreadIoEventLoopGroup(threads, threadFactory, nio),
        NioServerSocketChannel.class,
        NioSocketChannel.class,
        "nio");
  }

  private static SelectStrategy selectStrategy() {
    return new SpinningSelectStrategy(IO_SPIN_NANOS, TIMER_SPIN_NANOS);
  }

  private static long micros(String property, long fallback) {
    String text = System.getProperty(property);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value >= 0 && value <= 10_000) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new IllegalArgumentException(
        "system property "
            + property
            + "="
            + text
            + " is not a number of microseconds in [0, 10000]; "
            + "unset it for the default "
            + fallback);
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
