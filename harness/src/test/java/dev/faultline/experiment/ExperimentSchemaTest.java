package dev.faultline.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExperimentSchemaTest {

  private static final Path HOME = Path.of(System.getProperty("faultline.home", ".."));
  private static final Path COMMITTED = HOME.resolve("experiments/experiment.schema.json");

  @Test
  void the_committed_schema_is_the_one_the_model_generates() throws IOException {
    if (Boolean.getBoolean("faultline.schema.write")) {
      Files.writeString(COMMITTED, ExperimentSchema.json());
    }
    assertThat(Files.readString(COMMITTED))
        .as(
            "experiments/experiment.schema.json is stale: run ./mvnw -pl harness test -Dtest=ExperimentSchemaTest -Dfaultline.schema.write=true")
        .isEqualTo(ExperimentSchema.json());
  }

  @Test
  void every_catalog_experiment_validates_against_the_schema() throws IOException {
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ExperimentSchema.json());
    YAMLMapper yaml = new YAMLMapper();
    try (Stream<Path> files = Files.list(HOME.resolve("experiments"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        JsonNode doc = yaml.readTree(file.toFile());
        List<Error> errors =
            schema.validate(doc.toString(), InputFormat.JSON, OutputFormat.DEFAULT);
        assertThat(errors).as(file.toString()).isEmpty();
      }
    }
  }

  @Test
  void the_schema_refuses_what_the_loader_refuses() throws IOException {
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ExperimentSchema.json());
    JsonNode typo =
        new ObjectMapper()
            .readTree(
                """
                {"name": "x", "targets": {"c": {"builtin": "counter"}}, "load": [{"target": "c", "request": "GET /", "duraton": "1s"}], "checks": []}""");

    assertThat(schema.validate(typo.toString(), InputFormat.JSON, OutputFormat.DEFAULT))
        .extracting(Error::getMessage)
        .anySatisfy(m -> assertThat(m).contains("duraton"));
  }
}
