package dev.faultline.junit;

import static org.junit.platform.commons.support.AnnotationSupport.findAnnotation;

import dev.faultline.api.RunResult;
import dev.faultline.api.RunSettings;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs the experiment of a {@link FaultlineExperiment} test method or class, fails the test when it
 * is not met, and resolves {@link FaultlineRuns} and {@link RunResult} parameters. A class's run
 * happens once, kept in the class's extension store, before its first test. Registered by {@link
 * FaultlineExperiment}, or with {@code @ExtendWith(FaultlineExtension.class)} for {@link
 * FaultlineRuns} alone. Stateless; thread-safe.
 */
public final class FaultlineExtension implements BeforeTestExecutionCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(FaultlineExtension.class);
  private static final String DEFAULT_REPORTS = "target/faultline";

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    annotatedRun(context).ifPresent(run -> FaultlineRuns.requireMet(run.resultOrThrow()));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FaultlineRuns.class || type == RunResult.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == FaultlineRuns.class) {
      return new FaultlineRuns(
          settings(nearest(context).map(FaultlineExperiment::reports).orElse(DEFAULT_REPORTS)));
    }
    return annotatedRun(context)
        .orElseThrow(
            () ->
                new ParameterResolutionException(
                    "a RunResult parameter is the result of the experiment of"
                        + " @FaultlineExperiment on the test method or its class, and "
                        + context.getDisplayName()
                        + " has none; to run an experiment in code, take a FaultlineRuns"
                        + " parameter"))
        .resultOrThrow();
  }

  /** The run of the method's annotation, else of its class's (made once for the class). */
  private static Optional<AnnotatedRun> annotatedRun(ExtensionContext context) {
    Optional<FaultlineExperiment> onMethod =
        context.getTestMethod().flatMap(m -> findAnnotation(m, FaultlineExperiment.class));
    if (onMethod.isPresent()) {
      return Optional.of(runOnce(context, onMethod.get()));
    }
    ExtensionContext classContext = classContext(context);
    return findAnnotation(classContext.getTestClass(), FaultlineExperiment.class)
        .map(experiment -> runOnce(classContext, experiment));
  }

  /**
   * The run of {@code experiment} for {@code owner}, made on first asking and kept in its store;
   * the key is the owner's own, since a store also sees what its parents hold.
   */
  private static AnnotatedRun runOnce(ExtensionContext owner, FaultlineExperiment experiment) {
    return owner
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            owner.getUniqueId(),
            key -> AnnotatedRun.of(Path.of(experiment.value()), settings(experiment.reports())),
            AnnotatedRun.class);
  }

  private static Optional<FaultlineExperiment> nearest(ExtensionContext context) {
    Optional<FaultlineExperiment> onMethod =
        context.getTestMethod().flatMap(m -> findAnnotation(m, FaultlineExperiment.class));
    return onMethod.isPresent()
        ? onMethod
        : findAnnotation(classContext(context).getTestClass(), FaultlineExperiment.class);
  }

  /** The context of the test class: a method's (or a repeated invocation's) nearest class. */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  private static RunSettings settings(String reports) {
    return RunSettings.reportsIn(Path.of(reports));
  }
}
