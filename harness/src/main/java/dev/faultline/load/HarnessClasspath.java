package dev.faultline.load;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The classpath the harness's classes were loaded from, for a JVM that must load them again (the
 * Gatling fork). From the command line that is {@code java.class.path}; embedded in a Maven plugin
 * it is not: Maven's own launcher is on {@code java.class.path}, and the harness and its
 * dependencies are in the plugin's class loader (a {@link URLClassLoader}), whose jars are the
 * classpath then — plus the jars of what Maven shares with every plugin from its own (SLF4J's API,
 * which it keeps out of the plugin's loader). Stateless.
 */
final class HarnessClasspath {

  /** Classes the fork needs that a host may lend the harness's loader instead of holding them. */
  static final List<String> LENT_BY_HOST = List.of("org.slf4j.LoggerFactory");

  private HarnessClasspath() {}

  /**
   * The files of {@code loader} when it is a {@link URLClassLoader} of files only (a plugin's or an
   * isolated test's loader), then the file of each {@link #LENT_BY_HOST} class it lends from
   * elsewhere; otherwise, as for the JVM's application loader, {@code java.class.path}.
   */
  static String of(ClassLoader loader) {
    if (!(loader instanceof URLClassLoader urls) || urls.getURLs().length == 0) {
      return System.getProperty("java.class.path");
    }
    Set<String> files = new LinkedHashSet<>();
    for (URL url : urls.getURLs()) {
      Optional<String> file = fileOf(url);
      if (file.isEmpty()) {
        return System.getProperty("java.class.path");
      }
      files.add(file.get());
    }
    for (String lent : LENT_BY_HOST) {
      fileOfClass(lent, loader).ifPresent(files::add);
    }
    return String.join(File.pathSeparator, files);
  }

  private static Optional<String> fileOfClass(String name, ClassLoader loader) {
    try {
      CodeSource source = Class.forName(name, false, loader).getProtectionDomain().getCodeSource();
      return source == null || source.getLocation() == null
          ? Optional.empty()
          : fileOf(source.getLocation());
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> fileOf(URL url) {
    if (!url.getProtocol().equals("file")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(url.toURI()).toString());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
