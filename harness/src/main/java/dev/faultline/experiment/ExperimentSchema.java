package dev.faultline.experiment;

import dev.faultline.experiment.internal.SchemaGenerator;

/**
 * The JSON Schema of experiment files, generated from the model. The copy in the repository, {@code
 * experiments/experiment.schema.json}, is kept equal to it by a test; editors use it through {@code
 * # yaml-language-server: $schema=experiment.schema.json}.
 */
public final class ExperimentSchema {

  /** The schema's id. */
  public static final String ID = "https://faultline.dev/schema/experiment.schema.json";

  private ExperimentSchema() {}

  /** The schema as JSON text. */
  public static String json() {
    return SchemaGenerator.generate(Experiment.class, ID);
  }
}
