package dev.faultline.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's far ends on 127.0.0.1, blocking with a thread per connection (the lowest latency
 * a plain JVM peer has): an echo of fixed-size messages and a sink that reads an 8-byte length,
 * then that many bytes, and acknowledges with one byte (not at end of stream: Toxiproxy turns a
 * client's half-close into a full close upstream). Both read into direct buffers: a heap array
 * costs the JVM an extra copy per read, which would make the peer, not the path under test, the
 * bottleneck. Beside them, two plain-thread stand-ins for the latency toxic: an echo that holds its
 * answer, and a relay that holds what it passes back.
 */
final class BenchPeers implements AutoCloseable {
  /** What a peer does with one accepted connection. */
  private interface Session {
    void serve(SocketChannel channel) throws IOException;
  }

  /** The delayed echo spins this long before its due time, as the proxy's timers do. */
  private static final long SPIN_NANOS = 500_000L;

  private final ServerSocketChannel server;

  private BenchPeers(Session session) throws IOException {
    server =
        ServerSocketChannel.open()
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    Thread acceptor =
        new Thread(
            () -> {
              while (server.isOpen()) {
                try {
                  SocketChannel channel = server.accept();
                  channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                  Thread worker =
                      new Thread(
                          () -> {
                            try (channel) {
                              session.serve(channel);
                            } catch (IOException gone) {
                              // the benchmark closed the connection
                            }
                          },
                          "bench-peer");
                  worker.setDaemon(true);
                  worker.start();
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "bench-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static BenchPeers echo(int messageSize) throws IOException {
    return new BenchPeers(
        channel -> {
          ByteBuffer message = ByteBuffer.allocateDirect(messageSize);
          while (BenchIo.readFully(channel, message.clear())) {
            BenchIo.writeFully(channel, message.flip());
          }
        });
  }

  /**
   * An echo that holds each message {@code delayMillis} (parked, then spinning the last
   * half-millisecond) before it answers: what a plain JVM thread achieves for the same delay on
   * this machine, beside which the latency toxic's error is read.
   */
  static BenchPeers delayedEcho(int messageSize, long delayMillis) throws IOException {
    return new BenchPeers(
        channel -> {
          ByteBuffer message = ByteBuffer.allocateDirect(messageSize);
          while (BenchIo.readFully(channel, message.clear())) {
            holdUntil(System.nanoTime() + delayMillis * 1_000_000L);
            BenchIo.writeFully(channel, message.flip());
          }
        });
  }

  /**
   * A relay with the proxy's hops and a plain JVM thread's timing: for each client connection it
   * opens one to {@code upstreamPort}, forwards each fixed-size request, reads the answer and holds
   * it {@code delayMillis} from its arrival (parked, then spinning the last half-millisecond)
   * before passing it back. Client to relay, relay to echo, echo to relay and relay to client: the
   * four thread wake-ups a latency toxic's round trip pays, with nothing of the proxy in them.
   */
  static BenchPeers delayingRelay(int upstreamPort, int messageSize, long delayMillis)
      throws IOException {
    return new BenchPeers(
        client -> {
          try (SocketChannel upstream = SocketChannel.open()) {
            upstream.setOption(StandardSocketOptions.TCP_NODELAY, true);
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
            ByteBuffer message = ByteBuffer.allocateDirect(messageSize);
            while (BenchIo.readFully(client, message.clear())) {
              BenchIo.writeFully(upstream, message.flip());
              if (!BenchIo.readFully(upstream, message.clear())) {
                return;
              }
              holdUntil(System.nanoTime() + delayMillis * 1_000_000L);
              BenchIo.writeFully(client, message.flip());
            }
          }
        });
  }

  /** Parks until half a millisecond before {@code due}, then spins to it. */
  private static void holdUntil(long due) {
    long left;
    while ((left = due - System.nanoTime()) > SPIN_NANOS) {
      LockSupport.parkNanos(left - SPIN_NANOS);
    }
    while (due - System.nanoTime() > 0) {
      Thread.onSpinWait();
    }
  }

  static BenchPeers sink() throws IOException {
    return new BenchPeers(
        channel -> {
          ByteBuffer length = ByteBuffer.allocate(Long.BYTES);
          if (!BenchIo.readFully(channel, length)) {
            return;
          }
          long left = length.flip().getLong();
          ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
          while (left > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), left));
            int n = channel.read(buffer);
            if (n < 0) {
              return;
            }
            left -= n;
          }
          BenchIo.writeFully(channel, ByteBuffer.wrap(new byte[] {1}));
        });
  }

  int port() {
    return server.socket().getLocalPort();
  }

  String address() {
    return "127.0.0.1:" + port();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
