package dev.faultline.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadPlanValidationTest {

  private static LoadStep open(String name, String baseUrl, double rate) {
    return new LoadStep(
        name,
        baseUrl,
        "GET",
        "/x/${op}",
        null,
        null,
        Workload.OPEN,
        rate,
        0,
        Duration.ZERO,
        Duration.ofSeconds(1),
        0);
  }

  @Test
  void aNonLoopbackBaseUrlIsRefusedWithTheRule() {
    assertThatThrownBy(() -> open("writes", "http://example.com:8080", 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "LoadStep 'writes': baseUrl must be an http(s) URL on a loopback address (127.0.0.0/8, localhost or [::1]), got 'http://example.com:8080'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://10.0.0.1",
        "http://128.0.0.1",
        "http://127.0.0.256",
        "ftp://127.0.0.1",
        "http://user@127.0.0.1",
        "http://[::2]",
        "127.0.0.1:80",
        "http://localhost.example.com"
      })
  void otherNonLoopbackUrlsAreRefused(String url) {
    assertThatThrownBy(() -> open("writes", url, 10))
        .hasMessageContaining("must be an http(s) URL on a loopback address");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080",
        "http://127.1.2.3",
        "https://localhost:1/base",
        "http://[::1]:9000",
        "http://LOCALHOST"
      })
  void loopbackUrlsAreAccepted(String url) {
    assertThat(open("writes", url, 10).baseUrl()).isEqualTo(url);
  }

  @Test
  void aNegativeRateIsRefusedWithItsBound() {
    assertThatThrownBy(() -> open("writes", "http://127.0.0.1:8080", -5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LoadStep 'writes': ratePerSecond must be >= 0 and <= 10000.0, got -5.0");
  }

  @Test
  void anOpenWorkloadNeedsAPositiveRate() {
    assertThatThrownBy(() -> open("writes", "http://127.0.0.1:8080", 0))
        .hasMessage("LoadStep 'writes': ratePerSecond must be > 0 for an OPEN workload, got 0.0");
  }

  @Test
  void aClosedWorkloadNeedsAtLeastOneUser() {
    assertThatThrownBy(
            () ->
                new LoadStep(
                    "reads",
                    "http://127.0.0.1:1",
                    "GET",
                    "/",
                    null,
                    null,
                    Workload.CLOSED,
                    0,
                    0,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    0))
        .hasMessage("LoadStep 'reads': users must be >= 1 for a CLOSED workload, got 0");
  }

  @Test
  void durationRampAndMaxRequestsNameTheirBounds() {
    assertThatThrownBy(
            () ->
                new LoadStep(
                    "r",
                    "http://127.0.0.1:1",
                    "GET",
                    "/",
                    null,
                    null,
                    Workload.OPEN,
                    1,
                    0,
                    Duration.ZERO,
                    Duration.ZERO,
                    0))
        .hasMessage("LoadStep 'r': duration must be > 0 and <= PT24H, got PT0S");
    assertThatThrownBy(
            () ->
                new LoadStep(
                    "r",
                    "http://127.0.0.1:1",
                    "GET",
                    "/",
                    null,
                    null,
                    Workload.OPEN,
                    1,
                    0,
                    Duration.ofSeconds(-1),
                    Duration.ofSeconds(1),
                    0))
        .hasMessage("LoadStep 'r': ramp must be >= 0 and <= PT24H, got PT-1S");
    assertThatThrownBy(
            () ->
                new LoadStep(
                    "r",
                    "http://127.0.0.1:1",
                    "GET",
                    "/",
                    null,
                    null,
                    Workload.OPEN,
                    1,
                    0,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    -1))
        .hasMessage("LoadStep 'r': maxRequests must be >= 0 (0 = no cap), got -1");
  }

  @Test
  void methodPathAndNameAreChecked() {
    assertThatThrownBy(
            () ->
                new LoadStep(
                    "r",
                    "http://127.0.0.1:1",
                    "FETCH",
                    "/",
                    null,
                    null,
                    Workload.OPEN,
                    1,
                    0,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    0))
        .hasMessage(
            "LoadStep 'r': method must be one of [DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT], got 'FETCH'");
    assertThatThrownBy(
            () ->
                new LoadStep(
                    "r",
                    "http://127.0.0.1:1",
                    "GET",
                    "x",
                    null,
                    null,
                    Workload.OPEN,
                    1,
                    0,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    0))
        .hasMessage("LoadStep 'r': path must start with '/', got 'x'");
    assertThatThrownBy(() -> open("has space", "http://127.0.0.1:1", 1))
        .hasMessageStartingWith("LoadStep name must match");
  }

  @Test
  void stepNamesAreUniqueInAPlan() {
    LoadStep step = open("writes", "http://127.0.0.1:1", 1);
    assertThatThrownBy(() -> new LoadPlan("drill", List.of(step, step), Duration.ofSeconds(1), 0))
        .hasMessage(
            "LoadPlan 'drill': step names must be unique (they prefix operation ids), 'writes' appears twice");
  }

  @Test
  void aPlanNeedsStepsAndABoundedRequestTimeout() {
    assertThatThrownBy(() -> new LoadPlan("drill", List.of(), Duration.ofSeconds(1), 0))
        .hasMessage("LoadPlan 'drill': steps must hold at least 1 step, got none");
    assertThatThrownBy(
            () ->
                new LoadPlan(
                    "drill", List.of(open("w", "http://127.0.0.1:1", 1)), Duration.ZERO, 0))
        .hasMessage("LoadPlan 'drill': requestTimeout must be >= 1ms and <= PT10M, got PT0S");
  }

  @Test
  void thePlanSurvivesItsJsonRoundTrip() throws Exception {
    LoadStep step =
        new LoadStep(
            "w",
            "http://127.0.0.1:1",
            "POST",
            "/x/${op}",
            java.util.Map.of("A", "b"),
            "{\"v\":1}",
            Workload.CLOSED,
            0,
            3,
            Duration.ofMillis(500),
            Duration.ofSeconds(2),
            9);
    LoadPlan plan = new LoadPlan("drill", List.of(step), Duration.ofMillis(300), 42);

    String json = ForkFiles.JSON.writeValueAsString(plan);

    assertThat(ForkFiles.JSON.readValue(json, LoadPlan.class)).isEqualTo(plan);
    assertThat(step.pathFor("w-7")).isEqualTo("/x/w-7");
  }
}
