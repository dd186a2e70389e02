package dev.faultline.container;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.faultline.InfrastructureException;
import org.testcontainers.utility.DockerImageName;

/**
 * The images of container mode. Built locally by {@code ./faultline images}; each can be replaced
 * by a system property or an environment variable, e.g. {@code
 * FAULTLINE_TOXIPROXY_IMAGE=ghcr.io/shopify/toxiproxy:2.12.0} where a registry is reachable.
 */
public final class FaultlineImages {

  /**
   * The official Toxiproxy image, which Faultline's own is declared a compatible substitute for.
   */
  public static final String OFFICIAL_TOXIPROXY = "ghcr.io/shopify/toxiproxy";

  private FaultlineImages() {}

  /**
   * The built-in targets: {@code faultline.targets.image} / {@code FAULTLINE_TARGETS_IMAGE},
   * default {@code faultline/targets:latest}.
   */
  public static DockerImageName targets() {
    return DockerImageName.parse(
        setting("faultline.targets.image", "FAULTLINE_TARGETS_IMAGE", "faultline/targets:latest"));
  }

  /**
   * The run's Toxiproxy: {@code faultline.toxiproxy.image} / {@code FAULTLINE_TOXIPROXY_IMAGE},
   * default {@code faultline/toxiproxy:latest} (Faultline's embedded server, a compatible
   * substitute for {@value #OFFICIAL_TOXIPROXY}).
   */
  public static DockerImageName toxiproxy() {
    DockerImageName image =
        DockerImageName.parse(
            setting(
                "faultline.toxiproxy.image",
                "FAULTLINE_TOXIPROXY_IMAGE",
                "faultline/toxiproxy:latest"));
    boolean official = image.getUnversionedPart().endsWith("shopify/toxiproxy");
    return official ? image : image.asCompatibleSubstituteFor(OFFICIAL_TOXIPROXY);
  }

  /**
   * Fails with the command that builds it when one of Faultline's local images is missing: there is
   * no registry to pull {@code faultline/*} from. Other images are left to Testcontainers' pull.
   */
  static void requirePresent(DockerImageName image, String usedFor) {
    if (!image.getUnversionedPart().startsWith("faultline/")) {
      return;
    }
    try {
      DockerEngine.client().inspectImageCmd(image.asCanonicalNameString()).exec();
    } catch (NotFoundException e) {
      throw new InfrastructureException(
          "the image "
              + image.asCanonicalNameString()
              + " ("
              + usedFor
              + ") is not in the local Docker engine; "
              + "build Faultline's images first: ./faultline images",
          e);
    }
  }

  private static String setting(String property, String env, String fallback) {
    String p = System.getProperty(property);
    if (p != null && !p.isBlank()) {
      return p;
    }
    String e = System.getenv(env);
    return e != null && !e.isBlank() ? e : fallback;
  }
}
