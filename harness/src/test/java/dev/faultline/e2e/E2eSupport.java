package dev.faultline.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared facts of the end-to-end tests. */
final class E2eSupport {

  private E2eSupport() {}

  /** The repository root (surefire sets faultline.home). */
  static Path home() {
    return Path.of(System.getProperty("faultline.home", "..")).toAbsolutePath().normalize();
  }

  /** A short counter experiment against a built-in variant, written to {@code dir}. */
  static Path counterExperiment(Path dir, String variant, String expect) throws IOException {
    Path file = dir.resolve("counter-" + variant + ".yaml");
    Files.writeString(
        file,
        """
                name: e2e-counter-%s
                description: "end-to-end: <counter> %s under 8 closed users"
                expect: %s
                seed: 7
                targets:
                  counter: {builtin: counter, variant: %s}
                load:
                  - name: increments
                    target: counter
                    request: POST /counter/increment?op=${op}
                    workload: closed
                    users: 8
                    duration: 3s
                    max-requests: 20000
                checks:
                  - counter-consistency: {target: counter, load: increments, ops: GET /counter/ops}
                """
            .formatted(variant, variant, expect, variant));
    return file;
  }
}
