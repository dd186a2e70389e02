package dev.faultline.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The TCP sockets some processes listen on, read from Linux's /proc (what {@code ss -ltnp} shows).
 */
final class ListeningSockets {

  /** One listening socket: its process, address and port. */
  record Listener(long pid, InetAddress address, int port) {
    boolean loopbackOnly() {
      return address.isLoopbackAddress();
    }

    @Override
    public String toString() {
      return "pid " + pid + " on " + address.getHostAddress() + ":" + port;
    }
  }

  private ListeningSockets() {}

  /** Every TCP listener owned by one of {@code pids}. */
  static List<Listener> of(Collection<Long> pids) {
    Map<String, Long> owners = new HashMap<>();
    for (long pid : pids) {
      socketInodes(pid).forEach(inode -> owners.put(inode, pid));
    }
    List<Listener> out = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of(table));
      } catch (IOException e) {
        continue;
      }
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        Long pid = owners.get(f[9]);
        if ("0A".equals(f[3]) && pid != null) { // 0A: LISTEN
          String[] local = f[1].split(":");
          out.add(new Listener(pid, address(local[0]), Integer.parseInt(local[1], 16)));
        }
      }
    }
    return out;
  }

  /** Every TCP port anything on the machine listens on. */
  static List<Integer> allListeningPorts() {
    List<Integer> ports = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        List<String> lines = Files.readAllLines(Path.of(table));
        for (String line : lines.subList(1, lines.size())) {
          String[] f = line.trim().split("\\s+");
          if ("0A".equals(f[3])) {
            ports.add(Integer.parseInt(f[1].split(":")[1], 16));
          }
        }
      } catch (IOException ignored) {
        // no such table (no IPv6)
      }
    }
    return ports;
  }

  private static List<String> socketInodes(long pid) {
    List<String> inodes = new ArrayList<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
      fds.forEach(
          fd -> {
            try {
              String target = Files.readSymbolicLink(fd).toString();
              if (target.startsWith("socket:[")) {
                inodes.add(target.substring(8, target.length() - 1));
              }
            } catch (IOException gone) {
              // closed meanwhile
            }
          });
    } catch (IOException gone) {
      // the process ended
    }
    return inodes;
  }

  /** /proc/net/tcp{,6} write addresses as 32-bit words in host (little-endian) order. */
  private static InetAddress address(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int b = 0; b < 4; b++) {
        int at = word * 8 + (3 - b) * 2;
        bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("not an address: " + hex, e);
    }
  }
}
