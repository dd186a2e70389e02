package dev.faultline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code faultline --version}: Faultline's version, as the build wrote it into {@code
 * dev/faultline/version.properties}, and the Java that runs it.
 */
final class FaultlineVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
      "faultline " + version(),
      "Java "
          + System.getProperty("java.version")
          + " ("
          + System.getProperty("java.vm.name")
          + ", "
          + System.getProperty("java.home")
          + ")"
    };
  }

  /** The project version the build filtered into the resource. */
  static String version() {
    try (InputStream in =
        FaultlineVersion.class.getResourceAsStream("/dev/faultline/version.properties")) {
      if (in == null) {
        throw new IllegalStateException("no dev/faultline/version.properties on the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
