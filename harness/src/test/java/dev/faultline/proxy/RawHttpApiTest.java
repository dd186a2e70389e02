package dev.faultline.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The parts of the HTTP API the Java client does not reach: populate, metrics, error bodies. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RawHttpApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private ProxyFixture fixture;

  @BeforeEach
  void start() throws IOException {
    fixture = new ProxyFixture();
  }

  @AfterEach
  void stop() throws IOException {
    fixture.close();
  }

  private JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  @Test
  void populateCreatesProxiesAndKeepsUnchangedOnes() throws IOException {
    String body =
        "[{\"name\":\"one\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
            + fixture.echo.address()
            + "\"},"
            + "{\"name\":\"two\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
            + fixture.echo.address()
            + "\",\"enabled\":false}]";

    HttpResponse<String> created = fixture.send("POST", "/populate", body);

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode proxies = json(created).get("proxies");
    assertThat(proxies).hasSize(2);
    assertThat(proxies.get(0).get("enabled").booleanValue()).isTrue();
    assertThat(proxies.get(1).get("enabled").booleanValue()).isFalse();
    assertThat(proxies.get(0).get("toxics").isArray()).isTrue();

    String listen = proxies.get(0).get("listen").textValue();
    String again =
        "[{\"name\":\"one\",\"listen\":\""
            + listen
            + "\",\"upstream\":\""
            + fixture.echo.address()
            + "\"}]";
    HttpResponse<String> kept = fixture.send("POST", "/populate", again);
    assertThat(json(kept).get("proxies").get(0).get("listen").textValue()).isEqualTo(listen);
  }

  @Test
  void populateRejectsAnEntryWithoutUpstreamAndChangesNothing() throws IOException {
    HttpResponse<String> response =
        fixture.send(
            "POST",
            "/populate",
            "[{\"name\":\"ok\",\"upstream\":\""
                + fixture.echo.address()
                + "\"},{\"name\":\"bad\"}]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").textValue())
        .isEqualTo("missing required field: upstream at proxy 2");
    assertThat(fixture.client.getProxies()).isEmpty();
  }

  @Test
  void aServerOnLoopbackRefusesProxiesThatWouldListenBeyondIt() throws IOException {
    String upstream = fixture.echo.address();
    String beyond =
        "bad request body: listen \"0.0.0.0:0\" would listen beyond this machine: this server's"
            + " API listens on loopback, and so do its proxies; use 127.0.0.1:PORT (or 127.0.0.1:0"
            + " for a free port)";

    HttpResponse<String> created =
        fixture.send(
            "POST",
            "/proxies",
            "{\"name\":\"wide\",\"listen\":\"0.0.0.0:0\",\"upstream\":\"" + upstream + "\"}");
    HttpResponse<String> populated =
        fixture.send(
            "POST",
            "/populate",
            "[{\"name\":\"ok\",\"upstream\":\""
                + upstream
                + "\"},{\"name\":\"wide\",\"listen\":\"0.0.0.0:0\",\"upstream\":\""
                + upstream
                + "\"}]");

    assertThat(created.statusCode()).isEqualTo(400);
    assertThat(json(created).get("error").textValue()).isEqualTo(beyond);
    assertThat(populated.statusCode()).isEqualTo(400);
    assertThat(json(populated).get("error").textValue()).startsWith(beyond);
    assertThat(fixture.client.getProxies()).as("nothing was created").isEmpty();

    Proxy local = fixture.client.createProxy("local", "localhost:0", upstream);
    String listen = local.getListen();
    HttpResponse<String> widened =
        fixture.send(
            "POST",
            "/proxies/local",
            "{\"listen\":\"0.0.0.0:0\",\"upstream\":\"" + upstream + "\",\"enabled\":true}");

    assertThat(widened.statusCode()).isEqualTo(400);
    assertThat(json(widened).get("error").textValue()).isEqualTo(beyond);
    Proxy kept = fixture.client.getProxy("local");
    assertThat(kept.getListen()).as("the proxy kept its address").isEqualTo(listen);
    assertThat(kept.isEnabled()).as("and kept serving").isTrue();
  }

  @Test
  void errorsCarryStatusAndMessageInJson() throws IOException {
    fixture.echoProxy("p");

    HttpResponse<String> missingProxy = fixture.send("GET", "/proxies/nope", null);
    HttpResponse<String> duplicate =
        fixture.send(
            "POST", "/proxies", "{\"name\":\"p\",\"upstream\":\"" + fixture.echo.address() + "\"}");
    HttpResponse<String> badJson = fixture.send("POST", "/proxies", "{not json");
    HttpResponse<String> noUpstream = fixture.send("POST", "/proxies", "{\"name\":\"x\"}");
    HttpResponse<String> badType = fixture.send("POST", "/proxies/p/toxics", "{\"type\":\"melt\"}");
    HttpResponse<String> badStream =
        fixture.send("POST", "/proxies/p/toxics", "{\"type\":\"latency\",\"stream\":\"sideways\"}");
    HttpResponse<String> missingToxic = fixture.send("DELETE", "/proxies/p/toxics/nope", null);

    assertThat(missingProxy.statusCode()).isEqualTo(404);
    assertThat(json(missingProxy).get("error").textValue()).isEqualTo("proxy not found");
    assertThat(json(missingProxy).get("status").intValue()).isEqualTo(404);
    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(json(duplicate).get("error").textValue()).isEqualTo("proxy already exists");
    assertThat(badJson.statusCode()).isEqualTo(400);
    assertThat(json(badJson).get("error").textValue()).startsWith("bad request body: ");
    assertThat(json(noUpstream).get("error").textValue())
        .isEqualTo("missing required field: upstream");
    assertThat(badType.statusCode()).isEqualTo(400);
    assertThat(json(badType).get("error").textValue()).isEqualTo("invalid toxic type");
    assertThat(json(badStream).get("error").textValue())
        .isEqualTo("stream was invalid, can be either upstream or downstream");
    assertThat(missingToxic.statusCode()).isEqualTo(404);
    assertThat(json(missingToxic).get("error").textValue()).isEqualTo("toxic not found");
  }

  @Test
  void toxicDefaultsAreFilledInAndUpdatesMerge() throws IOException {
    fixture.echoProxy("p");

    JsonNode created =
        json(
            fixture.send(
                "POST",
                "/proxies/p/toxics",
                "{\"type\":\"slicer\",\"attributes\":{\"average_size\":8}}"));
    JsonNode updated =
        json(
            fixture.send(
                "POST", "/proxies/p/toxics/slicer_downstream", "{\"attributes\":{\"delay\":5}}"));

    assertThat(created.get("name").textValue()).isEqualTo("slicer_downstream");
    assertThat(created.get("stream").textValue()).isEqualTo("downstream");
    assertThat(created.get("toxicity").doubleValue()).isEqualTo(1.0);
    assertThat(created.get("attributes").toString())
        .isEqualTo("{\"average_size\":8,\"size_variation\":0,\"delay\":0}");
    assertThat(updated.get("attributes").toString())
        .isEqualTo("{\"average_size\":8,\"size_variation\":0,\"delay\":5}");
  }

  @Test
  void metricsCountBytesPerProxyAndDirection() throws IOException {
    Proxy proxy = fixture.echoProxy("counted");
    try (Socket socket = ProxyFixture.connect(proxy)) {
      ProxyFixture.roundTrip(socket, new byte[100]);
    }

    HttpResponse<String> metrics = fixture.send("GET", "/metrics", null);

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(metrics.body())
        .contains("# TYPE toxiproxy_proxy_received_bytes_total counter")
        .contains(
            "toxiproxy_proxy_received_bytes_total{direction=\"upstream\",listener=\""
                + proxy.getListen()
                + "\",proxy=\"counted\",upstream=\""
                + fixture.echo.address()
                + "\"} 100")
        .contains(
            "toxiproxy_proxy_sent_bytes_total{direction=\"downstream\",listener=\""
                + proxy.getListen()
                + "\",proxy=\"counted\",upstream=\""
                + fixture.echo.address()
                + "\"} 100");
  }

  @Test
  void malformedRequestsLeaveALiveProxyWorking() throws IOException {
    Proxy proxy = fixture.echoProxy("live");
    proxy.toxics().latency("lag", eu.rekawek.toxiproxy.model.ToxicDirection.DOWNSTREAM, 1);
    try (Socket socket = ProxyFixture.connect(proxy)) {
      ProxyFixture.roundTrip(socket, new byte[] {1});

      assertThat(fixture.send("POST", "/proxies/live", "{\"listen\":42}").statusCode())
          .isEqualTo(400);
      assertThat(fixture.send("POST", "/proxies/live", "{\"upstream\":\"no-port\"}").statusCode())
          .isEqualTo(400);
      assertThat(fixture.send("POST", "/proxies/live", "[").statusCode()).isEqualTo(400);
      assertThat(
              fixture
                  .send(
                      "POST",
                      "/proxies/live/toxics",
                      "{\"type\":\"latency\",\"attributes\":{\"latency\":\"x\"}}")
                  .statusCode())
          .isEqualTo(400);
      assertThat(
              fixture
                  .send("POST", "/proxies/live/toxics/lag", "{\"attributes\":{\"latency\":-5}}")
                  .statusCode())
          .isEqualTo(400);
      assertThat(fixture.send("POST", "/proxies/live/toxics/lag", "{\"toxicity\":7}").statusCode())
          .isEqualTo(400);
      assertThat(fixture.send("PUT", "/proxies/live", "{}").statusCode()).isEqualTo(405);

      assertThat(ProxyFixture.roundTrip(socket, new byte[] {2})).containsExactly(2);
      assertThat(fixture.client.getProxy("live").getListen()).isEqualTo(proxy.getListen());
      assertThat(fixture.client.getProxy("live").toxics().get("lag").getToxicity()).isEqualTo(1.0f);
    }
    try (Socket fresh = ProxyFixture.connect(proxy)) {
      assertThat(ProxyFixture.roundTrip(fresh, new byte[] {3})).containsExactly(3);
    }
  }

  @Test
  void versionAndUnknownPaths() throws IOException {
    HttpResponse<String> version = fixture.send("GET", "/version", null);
    HttpResponse<String> unknown = fixture.send("GET", "/nothing/here", null);

    assertThat(json(version).get("version").textValue()).startsWith("2.");
    assertThat(unknown.statusCode()).isEqualTo(404);
  }
}
