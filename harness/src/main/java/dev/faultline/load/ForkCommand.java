package dev.faultline.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    List<String> cmd = new ArrayList<>();
    cmd.add(javaExecutable());
    cmd.add("-Xmx1g");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
    cmd.add("-cp");
    cmd.add(HarnessClasspath.of(ForkCommand.class.getClassLoader()));
    cmd.add(sysProp(ForkFiles.PLAN_PROPERTY, files.plan()));
    cmd.add(sysProp(ForkFiles.OUTCOMES_PROPERTY, files.outcomes()));
    cmd.add(sysProp(ForkFiles.PARENT_PID_PROPERTY, ProcessHandle.current().pid()));
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
    cmd.add(sysProp(WAIT_FOR_PLAN_PROPERTY, waitForPlan));
    cmd.add(GatlingForkMain.class.getName());
    cmd.add("--simulation");
    cmd.add(GenericSimulation.class.getName());
    cmd.add("--results-folder");
    cmd.add(files.gatlingResults().toString());
    cmd.add("--run-description");
    cmd.add("Faultline experiment " + experiment);
    return List.copyOf(cmd);
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
