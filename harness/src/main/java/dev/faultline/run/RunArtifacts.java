package dev.faultline.run;

import dev.faultline.experiment.Experiment;
import dev.faultline.load.LoadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files of a run folder a report links to, by label, relative to the folder. Stateless. */
final class RunArtifacts {

  private RunArtifacts() {}

  /**
   * The YAML as run, each target's log, Gatling's report and the load's own files, where present.
   */
  static Map<String, String> of(Path folder, Experiment e, LoadResult result) {
    Map<String, String> artifacts = new LinkedHashMap<>();
    artifacts.put("experiment (as run)", "experiment.yaml");
    for (String t : e.targets().keySet()) {
      if (Files.exists(folder.resolve("target-" + t + ".log"))) {
        artifacts.put("log of target " + t, "target-" + t + ".log");
      }
    }
    if (result != null && result.gatlingReportIndex().isPresent()) {
      // The fork names its report absolutely; the folder is as the caller gave it, maybe relative.
      Path gatling = result.gatlingReportIndex().get().toAbsolutePath();
      artifacts.put("Gatling report", folder.toAbsolutePath().relativize(gatling).toString());
    }
    for (String f : List.of("outcomes.jsonl", "gatling.log")) {
      if (Files.exists(folder.resolve(f))) {
        artifacts.put(f, f);
      }
    }
    return artifacts;
  }
}
