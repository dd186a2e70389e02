package dev.faultline.experiment;

/** Where a target runs. */
@Doc(
    "process: a child process of the harness. container: a Docker container through Testcontainers.")
public enum Launch {
  PROCESS,
  CONTAINER
}
