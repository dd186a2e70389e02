package dev.faultline.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The command line of the forked Gatling JVM: same JDK, same classpath as the harness's own. */
final class ForkCommand {

  private ForkCommand() {}

  /**
   * Waits for the plan file to appear before starting Gatling (a fork started ahead of its plan).
   */
  static final String WAIT_FOR_PLAN_PROPERTY = "faultline.plan.wait";

  static List<String> of(LoadPlan plan, ForkFiles files) {
    return of(plan.experiment(), plan.requestTimeout(), files, false);
  }

  static List<String> of(
      String experiment, Duration requestTimeout, ForkFiles files, boolean waitForPlan) {
    List<String> cmd = jvm(files, requestTimeout);
    cmd.add(sysProp(ForkFiles.PLAN_PROPERTY, files.plan()));
    cmd.add(sysProp(ForkFiles.OUTCOMES_PROPERTY, files.outcomes()));
    cmd.add(sysProp(WAIT_FOR_PLAN_PROPERTY, waitForPlan));
    cmd.addAll(gatling(GenericSimulation.class, files, "Faultline experiment " + experiment));
    return List.copyOf(cmd);
  }

  /**
   * A fork that runs {@code simulation} instead of Faultline's own, with the same JVM and Gatling
   * settings and {@code properties} as system properties: the reference of {@code bench load}.
   */
  static List<String> reference(
      Class<?> simulation, ForkFiles files, Duration requestTimeout, Map<String, ?> properties) {
    List<String> cmd = jvm(files, requestTimeout);
    properties.forEach((name, value) -> cmd.add(sysProp(name, value)));
    cmd.addAll(gatling(simulation, files, "reference " + simulation.getSimpleName()));
    return List.copyOf(cmd);
  }

  private static List<String> jvm(ForkFiles files, Duration requestTimeout) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaExecutable());
    cmd.add("-Xmx1g");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
    cmd.add("-cp");
    cmd.add(HarnessClasspath.of(ForkCommand.class.getClassLoader()));
    cmd.add(sysProp(ForkFiles.PARENT_PID_PROPERTY, ProcessHandle.current().pid()));
    cmd.add(sysProp(ForkFiles.CPU_PROPERTY, files.cpu()));
    cmd.add(sysProp("logback.configurationFile", files.logbackConfig()));
    cmd.add(
        sysProp(
            "java.util.prefs.PreferencesFactory",
            InMemoryPreferencesFactory.class.getName())); // no .java-prefs/ in the run folder
    // Gatling reads system properties over gatling.conf and gatling-defaults.conf.
    cmd.add(sysProp("gatling.data.enableAnalytics", false));
    cmd.add(
        sysProp("gatling.http.warmUpUrl", "")); // the default warms up against https://gatling.io
    cmd.add(sysProp("gatling.http.requestTimeout", requestTimeout.toMillis()));
    return cmd;
  }

  private static List<String> gatling(Class<?> simulation, ForkFiles files, String description) {
    return List.of(
        GatlingForkMain.class.getName(),
        "--simulation",
        simulation.getName(),
        "--results-folder",
        files.gatlingResults().toString(),
        "--run-description",
        description);
  }

  private static String sysProp(String name, Object value) {
    return "-D" + name + "=" + value;
  }

  private static String javaExecutable() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
