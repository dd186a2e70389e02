package dev.faultline.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.experiment.FaultSpec;
import dev.faultline.experiment.TargetFaults;
import dev.faultline.experiment.ToxicFaults;
import dev.faultline.launch.Target;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultInjectorsTest {

  /** Stands for a service attached by URL: no process of Faultline's. */
  private static final Target ATTACHED =
      new Target() {
        @Override
        public String name() {
          return "shop";
        }

        @Override
        public URI baseUrl() {
          return URI.create("http://127.0.0.1:1");
        }

        @Override
        public Optional<ProcessHandle> process() {
          return Optional.empty();
        }

        @Override
        public Optional<Path> log() {
          return Optional.empty();
        }

        @Override
        public boolean isAlive() {
          return true;
        }

        @Override
        public void close() {}
      };

  private final FaultInjectors injectors =
      new FaultInjectors(Map.of("shop", ATTACHED), null, 42, FaultEvents.NONE);

  @Test
  void aProcessFaultOnAnAttachedTargetSaysWhyAndWhatToDo() {
    FaultSpec kill =
        new FaultSpec("crash", Duration.ZERO, null, new TargetFaults.KillProcess("shop", null));
    assertThatThrownBy(() -> injectors.forFault(kill).apply(kill))
        .isInstanceOf(FaultException.class)
        .hasMessage(
            "fault crash: target shop has no process Faultline started (it is attached by url), so Faultline cannot kill it; give it a builtin, jar or command");
    FaultSpec pause =
        new FaultSpec(
            "hang", Duration.ZERO, Duration.ofSeconds(1), new TargetFaults.PauseProcess("shop"));
    assertThatThrownBy(() -> injectors.forFault(pause).apply(pause))
        .isInstanceOf(FaultException.class)
        .hasMessageContaining("so Faultline cannot pause it");
  }

  @Test
  void aRestartNeedsARestartableTarget() {
    FaultSpec kill =
        new FaultSpec(
            "crash",
            Duration.ZERO,
            null,
            new TargetFaults.KillProcess("shop", Duration.ofSeconds(1)));
    assertThatThrownBy(() -> injectors.forFault(kill).apply(kill))
        .isInstanceOf(FaultException.class)
        .hasMessage(
            "fault crash: target shop cannot be restarted by Faultline; remove restart-after or start it as a builtin, jar or command");
  }

  @Test
  void aFaultOnATargetThatIsNotRunningNamesTheRunningOnes() {
    FaultSpec f =
        new FaultSpec(
            "slow",
            Duration.ZERO,
            null,
            new TargetFaults.Assault("cart", null, null, true, false, false, 1, false, null));
    assertThatThrownBy(() -> injectors.forFault(f))
        .isInstanceOf(FaultException.class)
        .hasMessage("fault slow: target cart is not running in this run; running: shop");
  }

  @Test
  void aNetworkFaultWithoutProxiesIsRefused() {
    FaultSpec f = new FaultSpec("cut", Duration.ZERO, null, new ToxicFaults.Down("shop->db"));
    assertThatThrownBy(() -> injectors.forFault(f))
        .isInstanceOf(FaultException.class)
        .hasMessageStartingWith("fault cut: a network fault needs a proxy, and this run has none");
  }

  @Test
  void anAssaultSetsOnlyItsOwnKindOnTopOfChaosMonkeysInactiveDefaults() {
    var latency =
        new TargetFaults.Assault(
            "shop",
            new TargetFaults.LatencyRange(Duration.ofMillis(200), Duration.ofMillis(400)),
            null,
            false,
            false,
            false,
            3,
            true,
            List.of("service"));
    JsonNode body = ChaosMonkeyInjector.assaults(latency, Duration.ofSeconds(5));
    assertThat(body.path("latencyActive").asBoolean()).isTrue();
    assertThat(body.path("latencyRangeStart").asInt()).isEqualTo(200);
    assertThat(body.path("latencyRangeEnd").asInt()).isEqualTo(400);
    assertThat(body.path("level").asInt()).isEqualTo(3);
    assertThat(body.path("deterministic").asBoolean()).isTrue();
    assertThat(List.of("exceptionsActive", "killApplicationActive", "memoryActive", "cpuActive"))
        .allSatisfy(flag -> assertThat(body.path(flag).asBoolean()).as(flag).isFalse());

    var exception =
        new TargetFaults.Assault(
            "shop",
            null,
            new TargetFaults.ExceptionSpec("java.io.IOException", "disk gone"),
            false,
            false,
            false,
            1,
            false,
            null);
    JsonNode e = ChaosMonkeyInjector.assaults(exception, Duration.ofSeconds(5)).path("exception");
    assertThat(e.path("type").asText()).isEqualTo("java.io.IOException");
    assertThat(e.path("arguments").get(0).path("value").asText()).isEqualTo("disk gone");

    var memory = new TargetFaults.Assault("shop", null, null, false, true, false, 1, false, null);
    assertThat(
            ChaosMonkeyInjector.assaults(memory, Duration.ofSeconds(7))
                .path("memoryMillisecondsHoldFilledMemory")
                .asLong())
        .as("memory is held for the fault's window")
        .isEqualTo(7000);
    assertThat(
            ChaosMonkeyInjector.assaults(memory, Duration.ofSeconds(1))
                .path("memoryMillisecondsHoldFilledMemory")
                .asLong())
        .as("Chaos Monkey refuses holds under 1.5 s")
        .isEqualTo(1500);
  }
}
