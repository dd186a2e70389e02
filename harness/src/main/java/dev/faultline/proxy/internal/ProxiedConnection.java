package dev.faultline.proxy.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.util.concurrent.Future;
import java.util.SplittableRandom;

/**
 * One client connection and its upstream connection, both on the same event loop, joined by an
 * upstream and a downstream {@link ToxicLink}. Its random source is seeded per connection so a run
 * with the same seed and the same connection order replays.
 */
final class ProxiedConnection {
  private final ProxyInstance proxy;
  private final Channel client;
  private final SplittableRandom random;
  private Channel upstream;
  private ToxicLink upstreamLink;
  private ToxicLink downstreamLink;
  private boolean closed;

  private ProxiedConnection(ProxyInstance proxy, Channel client, long seed) {
    this.proxy = proxy;
    this.client = client;
    this.random = new SplittableRandom(seed);
  }

  /** Called on the client channel's event loop right after accept. */
  static void open(ProxyInstance proxy, Channel client, long seed) {
    if (!proxy.isCurrentListener(client.parent())) {
      // accepted just before the proxy stopped or restarted: drop it like the others
      client.close();
      return;
    }
    ProxiedConnection connection = new ProxiedConnection(proxy, client, seed);
    client.pipeline().addLast(new ConnectionHandler(connection, true));
    proxy.register(connection);
    connection.connectUpstream();
  }

  private void connectUpstream() {
    HostPort target = proxy.upstreamAddress();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(client.eventLoop())
            .channel(proxy.dataPlane().clientChannelType())
            .handler(new ConnectionHandler(this, false));
    ProxyInstance.socketOptions(bootstrap::option);
    bootstrap.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
    ChannelFuture connect = bootstrap.connect(target.host(), target.port());
    upstream = connect.channel();
    connect.addListener(
        future -> {
          if (!future.isSuccess() || closed) {
            close();
            return;
          }
          upstreamLink =
              new ToxicLink(this, StreamDirection.UPSTREAM, client, upstream, proxy.traffic());
          downstreamLink =
              new ToxicLink(this, StreamDirection.DOWNSTREAM, upstream, client, proxy.traffic());
          ToxicSet.Snapshot toxics = proxy.toxics().snapshot();
          upstreamLink.start(toxics.of(StreamDirection.UPSTREAM));
          downstreamLink.start(toxics.of(StreamDirection.DOWNSTREAM));
        });
  }

  ToxicLink linkFrom(boolean clientSide) {
    return clientSide ? upstreamLink : downstreamLink;
  }

  SplittableRandom random() {
    return random;
  }

  /** Applies the proxy's current toxics to the live links; safe to call from any thread. */
  Future<?> reconcile() {
    return client
        .eventLoop()
        .submit(
            () -> {
              if (upstreamLink != null && !closed) {
                ToxicSet.Snapshot toxics = proxy.toxics().snapshot();
                upstreamLink.reconcile(toxics.of(StreamDirection.UPSTREAM));
                downstreamLink.reconcile(toxics.of(StreamDirection.DOWNSTREAM));
              }
            });
  }

  void inputShutdown(boolean clientSide) {
    ToxicLink link = linkFrom(clientSide);
    if (link == null) {
      close();
    } else {
      link.onSourceClosed();
    }
  }

  void socketClosed(boolean clientSide) {
    inputShutdown(clientSide); // a closed socket is also the end of its input
    if (!client.isActive() && (upstream == null || !upstream.isActive())) {
      release();
    }
  }

  /** Drops both sockets at once (proxy stopped or deleted); safe to call from any thread. */
  void close() {
    client
        .eventLoop()
        .execute(
            () -> {
              closed = true;
              client.close();
              if (upstream != null) {
                upstream.close();
              }
              release();
            });
  }

  /** Resets both sockets: SO_LINGER 0 makes close send a TCP RST. */
  void reset() {
    closed = true;
    for (Channel channel : new Channel[] {client, upstream}) {
      if (channel != null && channel.isOpen()) {
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
        channel.close();
      }
    }
    release();
  }

  private void release() {
    if (upstreamLink != null) {
      upstreamLink.dispose();
      downstreamLink.dispose();
    }
    proxy.unregister(this);
  }
}
