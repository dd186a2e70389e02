package dev.faultline.builtin.support;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link TargetSelectionException} deep inside a bean creation failure into a short startup
 * report: what was wrong, and how to launch instead. Registered in {@code
 * META-INF/spring.factories}.
 */
class TargetSelectionFailureAnalyzer extends AbstractFailureAnalyzer<TargetSelectionException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, TargetSelectionException cause) {
    String example =
        "Launch with e.g. java -jar faultline-builtin.jar --"
            + VariantSelection.SERVICE_PROPERTY
            + "=counter --"
            + VariantSelection.VARIANT_PROPERTY
            + "=racy --server.port=41234";
    return new FailureAnalysis(cause.getMessage(), cause.action().orElse(example), cause);
  }
}
