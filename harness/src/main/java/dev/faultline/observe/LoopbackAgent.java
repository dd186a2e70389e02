package dev.faultline.observe;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXServiceURL;

/**
 * A target JVM's JMX agent, started through the Attach API on 127.0.0.1 only. The JVM's "local"
 * agent ({@code startLocalManagementAgent}) cannot be used: it listens on every interface ({@code
 * *:<port>}) and only refuses remote peers after accepting them. The agent started here binds its
 * registry and its connector to 127.0.0.1 on one port ({@code com.sun.management.jmxremote.host},
 * {@code .port} = {@code .rmi.port}) and asks for a password made for this attach alone, so another
 * user of the machine cannot use it either. The password and access files live in a folder only the
 * owner can read, and are deleted once the harness has connected. Not thread-safe; used once.
 */
final class LoopbackAgent {

  private static final String USER = "faultline";
  private static final int ATTEMPTS = 3;

  static {
    LoopbackRmiSockets.install();
  }

  private final JMXServiceURL url;
  private final String password;
  private final Path credentials;

  private LoopbackAgent(JMXServiceURL url, String password, Path credentials) {
    this.url = url;
    this.password = password;
    this.credentials = credentials;
  }

  /** Attaches to {@code pid} and starts its agent on a free loopback port. */
  static LoopbackAgent start(long pid) {
    String password = newPassword();
    Path folder = credentialsFolder(password);
    VirtualMachine vm = attach(pid, folder);
    try {
      IOException last = null;
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        int port = freeLoopbackPort();
        try {
          vm.startManagementAgent(properties(port, folder));
          return new LoopbackAgent(
              new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"),
              password,
              folder);
        } catch (IOException e) {
          last = e; // the port was taken meanwhile: another one
        } catch (RuntimeException e) {
          deleteQuietly(folder);
          throw new ObserveException(
              "attached to pid "
                  + pid
                  + " but could not start its JMX agent on 127.0.0.1: "
                  + e.getMessage()
                  + " (a JVM started with its own com.sun.management.jmxremote settings keeps them)",
              e);
        }
      }
      deleteQuietly(folder);
      throw new ObserveException(
          "attached to pid "
              + pid
              + " but could not start its JMX agent on 127.0.0.1 in "
              + ATTEMPTS
              + " attempts: "
              + last.getMessage(),
          last);
    } finally {
      try {
        vm.detach();
      } catch (IOException ignored) {
        // The agent is started (or not); the attach channel is no longer needed.
      }
    }
  }

  private static VirtualMachine attach(long pid, Path folder) {
    try {
      return VirtualMachine.attach(String.valueOf(pid));
    } catch (AttachNotSupportedException | IOException | SecurityException e) {
      deleteQuietly(folder);
      throw new ObserveException(
          "cannot attach to pid "
              + pid
              + " ("
              + e.getMessage()
              + "); the Attach API needs a JVM of the same user"
              + " on this machine, started without -XX:+DisableAttachMechanism, sharing this machine's /tmp",
          e);
    }
  }

  private static Properties properties(int port, Path folder) {
    Properties p = new Properties();
    p.setProperty("com.sun.management.jmxremote.host", "127.0.0.1");
    p.setProperty("com.sun.management.jmxremote.port", String.valueOf(port));
    p.setProperty("com.sun.management.jmxremote.rmi.port", String.valueOf(port));
    p.setProperty("com.sun.management.jmxremote.ssl", "false");
    p.setProperty("com.sun.management.jmxremote.registry.ssl", "false");
    p.setProperty("com.sun.management.jmxremote.authenticate", "true");
    p.setProperty(
        "com.sun.management.jmxremote.password.file", folder.resolve("jmx.password").toString());
    p.setProperty(
        "com.sun.management.jmxremote.access.file", folder.resolve("jmx.access").toString());
    return p;
  }

  private static Path credentialsFolder(String password) {
    try {
      Path folder =
          Files.createTempDirectory(
              "faultline-jmx-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Path file = folder.resolve("jmx.password");
      // The agent refuses a password file that anyone but its owner can read.
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, USER + " " + password + "\n");
      Files.writeString(folder.resolve("jmx.access"), USER + " readwrite\n");
      return folder;
    } catch (IOException | UnsupportedOperationException e) {
      throw new ObserveException(
          "cannot write the one-time JMX credentials under "
              + System.getProperty("java.io.tmpdir")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static int freeLoopbackPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new ObserveException("no free port on 127.0.0.1 for a JMX agent: " + e.getMessage(), e);
    }
  }

  private static String newPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  JMXServiceURL url() {
    return url;
  }

  /** What {@link javax.management.remote.JMXConnectorFactory#connect} needs to log in. */
  Map<String, ?> environment() {
    return Map.of(JMXConnector.CREDENTIALS, new String[] {USER, password});
  }

  /** Deletes the password and access files: nobody needs them once the harness is connected. */
  void forgetCredentials() {
    deleteQuietly(credentials);
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | RuntimeException ignored) {
      // A leftover in the temp folder is harmless: its password opens nothing once the target is
      // gone.
    }
  }
}
