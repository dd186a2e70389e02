package dev.faultline.cli;

import dev.faultline.experiment.ExperimentSchema;
import picocli.CommandLine.Command;

/** {@code faultline schema}: prints the JSON Schema of experiment files. */
@Command(
    name = "schema",
    description =
        "Print the JSON Schema of experiment files (also in experiments/experiment.schema.json).")
final class SchemaCommand implements Runnable {

  @Override
  public void run() {
    System.out.print(ExperimentSchema.json());
  }
}
