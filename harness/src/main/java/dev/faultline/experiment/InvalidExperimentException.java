package dev.faultline.experiment;

import dev.faultline.FaultlineException;
import java.util.List;
import java.util.stream.Collectors;

/** One or more experiment files are invalid; nothing was started (CLI exit code 2). */
public final class InvalidExperimentException extends FaultlineException {

  private static final long serialVersionUID = 1L;

  private final transient List<ExperimentError> errors;

  public InvalidExperimentException(List<ExperimentError> errors) {
    super(
        errors.size()
            + (errors.size() == 1 ? " error" : " errors")
            + " in experiment files:\n"
            + errors.stream().map(ExperimentError::toString).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  /** Every error found, in file order. */
  public List<ExperimentError> errors() {
    return errors;
  }
}
