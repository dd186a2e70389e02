package dev.faultline.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/** Which images container mode runs, and which it requires to be built here; no Docker engine. */
class FaultlineImagesTest {

  private static final DockerImageName OFFICIAL =
      DockerImageName.parse(FaultlineImages.OFFICIAL_TOXIPROXY);

  @AfterEach
  void clear() {
    System.clearProperty("faultline.targets.image");
    System.clearProperty("faultline.toxiproxy.image");
  }

  @Test
  void by_default_the_locally_built_images_and_faultlines_toxiproxy_stands_for_the_official_one() {
    assumeThat(System.getenv("FAULTLINE_TARGETS_IMAGE")).isNull();
    assumeThat(System.getenv("FAULTLINE_TOXIPROXY_IMAGE")).isNull();
    System.setProperty("faultline.targets.image", " ");

    assertThat(FaultlineImages.targets().asCanonicalNameString())
        .as("a blank setting is no setting")
        .isEqualTo("faultline/targets:latest");
    DockerImageName toxiproxy = FaultlineImages.toxiproxy();
    assertThat(toxiproxy.asCanonicalNameString()).isEqualTo("faultline/toxiproxy:latest");
    assertThat(toxiproxy.isCompatibleWith(OFFICIAL)).isTrue();
  }

  @Test
  void a_system_property_names_another_image() {
    System.setProperty("faultline.targets.image", "registry.example:5000/team/targets:1.2");
    System.setProperty("faultline.toxiproxy.image", "mirror.example/toxiproxy:2.12.0");

    assertThat(FaultlineImages.targets().asCanonicalNameString())
        .isEqualTo("registry.example:5000/team/targets:1.2");
    DockerImageName toxiproxy = FaultlineImages.toxiproxy();
    assertThat(toxiproxy.asCanonicalNameString()).isEqualTo("mirror.example/toxiproxy:2.12.0");
    assertThat(toxiproxy.isCompatibleWith(OFFICIAL)).as("declared a substitute").isTrue();
  }

  @Test
  void the_official_toxiproxy_is_taken_as_it_is() {
    System.setProperty("faultline.toxiproxy.image", "ghcr.io/shopify/toxiproxy:2.12.0");

    DockerImageName toxiproxy = FaultlineImages.toxiproxy();

    assertThat(toxiproxy).isEqualTo(DockerImageName.parse("ghcr.io/shopify/toxiproxy:2.12.0"));
    assertThat(toxiproxy.isCompatibleWith(OFFICIAL)).isTrue();
  }

  @Test
  void only_faultlines_own_images_are_required_to_be_built_here_others_are_pulled() {
    assertThatCode(
            () -> FaultlineImages.requirePresent(DockerImageName.parse("postgres:16"), "a target"))
        .as("no engine is asked about an image a registry has")
        .doesNotThrowAnyException();
  }
}
