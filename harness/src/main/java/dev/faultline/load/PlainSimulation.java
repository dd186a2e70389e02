package dev.faultline.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The reference of {@code bench load} (not API; Gatling instantiates it inside a fork): the closed
 * workload of a Faultline step written as plain Gatling, {@code users} users each looping one
 * request for {@code duration} on Gatling's default keep-alive connections, with no operation ids,
 * no outcome recording and no checks beyond Gatling's default. Reads its settings from the {@code
 * faultline.bench.*} system properties.
 */
public class PlainSimulation extends Simulation {

  static final String URL = "faultline.bench.url";
  static final String METHOD = "faultline.bench.method";
  static final String PATH = "faultline.bench.path";
  static final String USERS = "faultline.bench.users";
  static final String DURATION_MILLIS = "faultline.bench.duration-ms";

  private final ForkCpu cpu;

  public PlainSimulation() {
    Duration duration = Duration.ofMillis(Long.getLong(DURATION_MILLIS));
    setUp(
            scenario("plain")
                .during(duration)
                .on(http("plain").httpRequest(System.getProperty(METHOD), System.getProperty(PATH)))
                .injectOpen(atOnceUsers(Integer.getInteger(USERS))))
        .protocols(
            http.baseUrl(System.getProperty(URL))
                .disableWarmUp()
                .disableFollowRedirect()
                .disableCaching()
                .disableAutoReferer())
        .maxDuration(duration.plusSeconds(10));
    cpu = new ForkCpu();
  }

  @Override
  public void after() {
    cpu.writeSpent();
  }
}
