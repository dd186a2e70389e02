package dev.faultline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code faultline images}: builds the images of container mode locally (no registry needed) by
 * running {@code harness/src/main/docker/build-images.sh}; rebuilds only what changed.
 */
@Command(
    name = "images",
    description =
        "Build the container-mode images locally: faultline/jre:17 (debootstrap), faultline/targets, "
            + "faultline/toxiproxy; cached by a hash of their inputs.")
final class ImagesCommand implements Callable<Integer> {

  @Option(names = "--rebuild", description = "Ignore the cache and build every image again.")
  boolean rebuild;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path script = FaultlineCli.home().resolve("harness/src/main/docker/build-images.sh");
    if (!Files.isRegularFile(script)) {
      System.err.println(
          "faultline images: no " + script + "; run it from a Faultline checkout (faultline.home)");
      return FaultlineCli.INFRASTRUCTURE;
    }
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).inheritIO();
    if (rebuild) {
      builder.environment().put("FAULTLINE_REBUILD_IMAGES", "1");
    }
    int code = builder.start().waitFor();
    return code == 0 ? 0 : FaultlineCli.INFRASTRUCTURE;
  }
}
