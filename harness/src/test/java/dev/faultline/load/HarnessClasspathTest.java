package dev.faultline.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class HarnessClasspathTest {

  @Test
  void aPluginsClassLoaderGivesItsOwnJarsNotTheLaunchersClasspath(@TempDir Path dir)
      throws Exception {
    Path harness = dir.resolve("faultline harness.jar");
    Path gatling = dir.resolve("gatling.jar");
    URL[] urls = {harness.toUri().toURL(), gatling.toUri().toURL()};
    try (URLClassLoader plugin = new URLClassLoader(urls, null)) {
      assertThat(HarnessClasspath.of(plugin))
          .as("Maven's plexus-classworlds launcher is java.class.path; the fork needs the plugin's")
          .isEqualTo(harness + File.pathSeparator + gatling);
    }
  }

  @Test
  void slf4jLentByTheHostFromOutsideThePluginsJarsIsAddedAfterThem(@TempDir Path dir)
      throws Exception {
    Path harness = dir.resolve("harness.jar");
    Path slf4j =
        Path.of(LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    URL[] urls = {harness.toUri().toURL()};
    try (URLClassLoader plugin = new URLClassLoader(urls, getClass().getClassLoader())) {
      assertThat(HarnessClasspath.of(plugin))
          .as("Maven keeps slf4j-api out of a plugin's loader and lends its own")
          .isEqualTo(harness + File.pathSeparator + slf4j);
    }
  }

  @Test
  void theApplicationClassLoaderGivesJavaClassPath() {
    assertThat(HarnessClasspath.of(ClassLoader.getSystemClassLoader()))
        .isEqualTo(System.getProperty("java.class.path"));
  }

  @Test
  void aLoaderWithUrlsThatAreNotFilesGivesJavaClassPath() throws Exception {
    URL[] urls = {URI.create("http://127.0.0.1:1/harness.jar").toURL()};
    try (URLClassLoader remote = new URLClassLoader(urls, null)) {
      assertThat(HarnessClasspath.of(remote)).isEqualTo(System.getProperty("java.class.path"));
    }
  }
}
