package dev.faultline.run;

import dev.faultline.experiment.Experiment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The facts of the machine and versions a run report records, so a run can be compared and
 * replayed.
 */
final class Environment {

  private Environment() {}

  static Map<String, String> describe(Experiment e) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(
        "java",
        System.getProperty("java.runtime.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")");
    env.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    env.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    env.put("max heap", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    env.put(
        "faultline",
        Optional.ofNullable(Environment.class.getPackage().getImplementationVersion())
            .orElse("0.1.0-SNAPSHOT"));
    env.put("gatling", "3.15.1");
    env.put("seed", String.valueOf(e.seed()));
    env.put("host", "127.0.0.1 only");
    return env;
  }
}
