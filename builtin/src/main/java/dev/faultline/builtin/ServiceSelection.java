package dev.faultline.builtin;

import dev.faultline.builtin.support.TargetSelectionException;
import dev.faultline.builtin.support.VariantSelection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Checks at startup that {@code --faultline.service} names one of the hosted services (otherwise
 * the application would start and answer 404 to everything), and logs one line when the target is
 * ready to take load.
 *
 * <p>Immutable after construction; thread-safe.
 */
@Component
class ServiceSelection {

  private static final List<String> SERVICES = BuiltinCatalog.services();

  private static final Logger LOG = LoggerFactory.getLogger(ServiceSelection.class);

  private final String service;
  private final String variant;

  ServiceSelection(Environment environment) {
    String selected = environment.getProperty(VariantSelection.SERVICE_PROPERTY, "").trim();
    if (!SERVICES.contains(selected)) {
      throw new TargetSelectionException(
          (selected.isEmpty() ? "No service selected" : "Unknown service '" + selected + "'")
              + ": --"
              + VariantSelection.SERVICE_PROPERTY
              + " must be one of "
              + String.join(", ", SERVICES));
    }
    this.service = selected;
    this.variant = environment.getProperty(VariantSelection.VARIANT_PROPERTY, "(default)");
  }

  /** The selected service. */
  String service() {
    return service;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    LOG.info(
        "Faultline target ready: service={} variant={} port={} pid={}",
        service,
        variant,
        event.getApplicationContext().getEnvironment().getProperty("local.server.port"),
        ProcessHandle.current().pid());
  }
}
