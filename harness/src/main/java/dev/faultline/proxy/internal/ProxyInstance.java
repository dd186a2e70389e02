package dev.faultline.proxy.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One named proxy: its settings, its listening socket when enabled, its toxics and its live
 * connections. Settings changes are serialized on this object; thread-safe.
 */
final class ProxyInstance {
  private static final Duration RECONCILE_WAIT = Duration.ofSeconds(5);
  private static final AttributeKey<Long> CONNECTION_SEED = AttributeKey.valueOf("faultline.seed");

  private final String name;
  private final DataPlane dataPlane;
  private final ListenScope scope;
  private final Random connectionSeeds;
  private final ToxicSet toxics = new ToxicSet(this::toxicsChanged);
  private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();
  private final TrafficCounters traffic = new TrafficCounters();
  private String listen;

  /** Parsed when the proxy starts: a disabled proxy may hold an address it cannot use yet. */
  private volatile HostPort upstreamAddress;

  private String upstream;
  private volatile Channel listener;

  ProxyInstance(
      String name,
      String listen,
      String upstream,
      DataPlane dataPlane,
      long seed,
      ListenScope scope) {
    this.scope = scope;
    this.name = name;
    this.listen = listen;
    this.upstream = upstream;
    this.upstreamAddress = null;
    this.dataPlane = dataPlane;
    this.connectionSeeds = new Random(seed ^ name.hashCode());
  }

  /**
   * Options of both sockets of a connection: no Nagle delay, bounded write buffers; reading starts
   * only once the upstream is connected. A peer's half-close ends only that direction (as in
   * Toxiproxy); the socket closes when the other direction's chain ends.
   */
  static void socketOptions(BiConsumer<ChannelOption<Object>, Object> option) {
    option.accept(cast(ChannelOption.TCP_NODELAY), true);
    option.accept(cast(ChannelOption.AUTO_READ), false);
    option.accept(cast(ChannelOption.ALLOW_HALF_CLOSURE), true);
    option.accept(
        cast(ChannelOption.WRITE_BUFFER_WATER_MARK), new WriteBufferWaterMark(1 << 20, 4 << 20));
  }

  @SuppressWarnings("unchecked")
  private static ChannelOption<Object> cast(ChannelOption<?> option) {
    return (ChannelOption<Object>) option;
  }

  String name() {
    return name;
  }

  synchronized String listen() {
    return listen;
  }

  synchronized String upstream() {
    return upstream;
  }

  synchronized boolean enabled() {
    return listener != null;
  }

  HostPort upstreamAddress() {
    return upstreamAddress;
  }

  ToxicSet toxics() {
    return toxics;
  }

  TrafficCounters traffic() {
    return traffic;
  }

  DataPlane dataPlane() {
    return dataPlane;
  }

  synchronized void start() {
    if (listener != null) {
      return;
    }
    scope.check(listen);
    HostPort address = HostPort.parse("listen", listen);
    upstreamAddress = HostPort.parse("upstream", upstream);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(dataPlane.group())
            .channel(dataPlane.serverChannelType())
            .option(ChannelOption.SO_REUSEADDR, true)
            .handler(new ConnectionSeeder())
            .childHandler(
                new ChannelInitializer<>() {
                  @Override
                  protected void initChannel(Channel client) {
                    ProxiedConnection.open(
                        ProxyInstance.this, client, client.attr(CONNECTION_SEED).get());
                  }
                });
    socketOptions(bootstrap::childOption);
    ChannelFuture bind = bootstrap.bind(address.host(), address.port()).awaitUninterruptibly();
    if (!bind.isSuccess()) {
      Throwable cause = bind.cause();
      throw new ApiException(500, "listen tcp " + listen + ": " + cause.getMessage(), cause);
    }
    listener = bind.channel();
    listen = address.withPort(((InetSocketAddress) listener.localAddress()).getPort());
  }

  /** Closes the listener and drops every connection. */
  synchronized void stop() {
    if (listener != null) {
      listener.close().syncUninterruptibly();
      listener = null;
    }
    connections.forEach(ProxiedConnection::close);
  }

  /** Toxiproxy's update: a new address restarts the proxy; {@code enabled} starts or stops it. */
  synchronized void update(String newListen, String newUpstream, boolean newEnabled) {
    HostPort newUpstreamAddress = HostPort.parse("upstream", newUpstream);
    scope.check(newListen);
    boolean wasEnabled = listener != null;
    if (!newListen.equals(listen) || !newUpstream.equals(upstream)) {
      stop();
      listen = newListen;
      upstream = newUpstream;
      upstreamAddress = newUpstreamAddress;
    }
    if (newEnabled) {
      start();
    } else if (wasEnabled) {
      stop();
    }
  }

  boolean isCurrentListener(Channel acceptedBy) {
    Channel current = listener;
    return current != null && current == acceptedBy && current.isOpen();
  }

  void register(ProxiedConnection connection) {
    connections.add(connection);
  }

  void unregister(ProxiedConnection connection) {
    connections.remove(connection);
  }

  int connectionCount() {
    return connections.size();
  }

  /**
   * Like Toxiproxy, returns only once every live connection runs the new toxics, so data a client
   * sends after the API call answered meets them. Bounded: a wedged loop cannot hang the API.
   * Called on API threads only (waiting on an event loop would block it).
   */
  private void toxicsChanged() {
    List<Future<?>> applied = new ArrayList<>();
    connections.forEach(connection -> applied.add(connection.reconcile()));
    long deadline = System.nanoTime() + RECONCILE_WAIT.toNanos();
    for (Future<?> future : applied) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      future.awaitUninterruptibly(left, TimeUnit.NANOSECONDS);
    }
  }

  /** Draws each connection's seed on the accepting loop, so seeds follow accept order. */
  private final class ConnectionSeeder extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ((Channel) msg).attr(CONNECTION_SEED).set(connectionSeeds.nextLong());
      ctx.fireChannelRead(msg);
    }
  }
}
