package dev.faultline.load;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The classpath the harness's classes were loaded from, for a JVM that must load them again (the
 * Gatling fork). From the command line that is {@code java.class.path}; embedded in a Maven plugin
 * it is not: Maven's own launcher is on {@code java.class.path}, and the harness and its
 * dependencies are in the plugin's class loader (a {@link URLClassLoader}), whose jars are the
 * classpath then. Stateless.
 */
final class HarnessClasspath {

  private HarnessClasspath() {}

  /**
   * The files of {@code loader} when it is a {@link URLClassLoader} of files only (a plugin's or an
   * isolated test's loader); otherwise, as for the JVM's application loader, {@code
   * java.class.path}.
   */
  static String of(ClassLoader loader) {
    if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
      List<String> files = new ArrayList<>();
      for (URL url : urls.getURLs()) {
        if (!url.getProtocol().equals("file")) {
          return System.getProperty("java.class.path");
        }
        files.add(fileOf(url));
      }
      return String.join(File.pathSeparator, files);
    }
    return System.getProperty("java.class.path");
  }

  private static String fileOf(URL url) {
    try {
      return Path.of(url.toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a file: " + url, e);
    }
  }
}
