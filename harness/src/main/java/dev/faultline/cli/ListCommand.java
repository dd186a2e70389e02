package dev.faultline.cli;

import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.experiment.InvalidExperimentException;
import dev.faultline.experiment.LoadedExperiment;
import dev.faultline.experiment.internal.Names;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code faultline list [file|dir]...}: the experiments of the catalog, one line each. */
@Command(name = "list", description = "List experiments (default: the experiments/ folder).")
final class ListCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..*",
      paramLabel = "<file|dir>",
      description = "Experiment files or folders (default: experiments/).")
  List<Path> paths;

  @Override
  public Integer call() {
    List<Path> where =
        paths == null || paths.isEmpty()
            ? List.of(FaultlineCli.home().resolve("experiments"))
            : paths;
    try {
      List<LoadedExperiment> all = ExperimentLoader.loadAll(where);
      System.out.printf(
          "%-32s %-7s %-28s %-28s %s%n", "EXPERIMENT", "EXPECT", "TARGETS", "FAULTS", "CHECKS");
      for (LoadedExperiment x : all) {
        Experiment e = x.experiment();
        String targets =
            e.targets().entrySet().stream()
                .map(
                    t ->
                        t.getKey()
                            + (t.getValue().variant() != null ? "/" + t.getValue().variant() : ""))
                .collect(Collectors.joining(","));
        String faults =
            e.faults().isEmpty()
                ? "-"
                : e.faults().stream()
                    .map(f -> f.kind().kindName())
                    .distinct()
                    .collect(Collectors.joining(","));
        String checks = e.checks().stream().map(c -> c.name()).collect(Collectors.joining(","));
        System.out.printf(
            "%-32s %-7s %-28s %-28s %s%n", e.name(), Names.of(e.expect()), targets, faults, checks);
      }
      return 0;
    } catch (InvalidExperimentException e) {
      System.err.println(e.getMessage());
      return FaultlineCli.INVALID;
    }
  }
}
