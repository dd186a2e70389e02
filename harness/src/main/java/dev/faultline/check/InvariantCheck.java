package dev.faultline.check;

import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import dev.faultline.experiment.CheckSpecs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Probes the target over HTTP, reads a JSONPath from its JSON answer and polls until {@link
 * Invariants} says it holds or {@code within} expires. Also the steady-state probe, under the name
 * {@code steady-state:<name>}.
 */
final class InvariantCheck implements Check {

  private static final Duration POLL = Duration.ofMillis(250);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final CheckSpecs.Invariant spec;
  private final String name;
  private final String kind;

  InvariantCheck(CheckSpecs.Invariant spec, String name, String kind) {
    this.spec = spec;
    this.name = name;
    this.kind = kind;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    URI uri = context.baseUrl(spec.target()).resolve(spec.request().path());
    AtomicReference<String> problem = new AtomicReference<>("no answer yet");
    AtomicReference<String> lastBody = new AtomicReference<>();
    AtomicReference<Object> lastValue = new AtomicReference<>();
    AtomicInteger probes = new AtomicInteger();
    boolean holds;
    try {
      await(name + " (" + spec.request() + " " + spec.path() + ")")
          .atMost(spec.within().plus(POLL))
          .pollDelay(Duration.ZERO)
          .pollInterval(POLL)
          .until(
              () -> {
                probes.incrementAndGet();
                Optional<String> v = probe(uri, lastBody, lastValue);
                v.ifPresent(problem::set);
                return v.isEmpty();
              });
      holds = true;
    } catch (ConditionTimeoutException e) {
      holds = false;
    }
    List<String> evidence = new ArrayList<>();
    evidence.add(
        holds
            ? spec.path() + " = " + lastValue.get() + " holds (probe " + probes.get() + ")"
            : problem.get()
                + " — still so after "
                + probes.get()
                + " probes over "
                + spec.within().toMillis()
                + " ms");
    if (lastBody.get() != null) {
      evidence.add(
          "last answer of " + spec.request() + " at " + uri + ": " + abbreviate(lastBody.get()));
    }
    boolean answered = lastBody.get() != null;
    CheckStatus status =
        holds ? CheckStatus.PASSED : answered ? CheckStatus.FAILED : CheckStatus.ERROR;
    return new CheckResult(
        name,
        kind,
        status,
        spec.path() + " of " + spec.request() + " at target " + spec.target(),
        Invariants.bound(spec),
        answered ? spec.path() + " = " + lastValue.get() : "no JSON answer",
        evidence);
  }

  /** Empty if the invariant holds now; else why not. */
  private Optional<String> probe(
      URI uri, AtomicReference<String> lastBody, AtomicReference<Object> lastValue)
      throws InterruptedException {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(uri)
                  .timeout(Duration.ofSeconds(5))
                  .method(spec.request().method(), HttpRequest.BodyPublishers.noBody())
                  .header("Accept", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        return Optional.of(spec.request() + " answered HTTP " + r.statusCode());
      }
      lastBody.set(r.body());
      Object value = JsonPath.read(r.body(), spec.path());
      lastValue.set(value);
      return Invariants.violation(spec, value);
    } catch (IOException e) {
      return Optional.of(spec.request() + " at " + uri + " failed: " + e);
    } catch (JsonPathException | IllegalArgumentException e) {
      return Optional.of(spec.path() + " cannot be read from the answer: " + e.getMessage());
    }
  }

  private static String abbreviate(String body) {
    String oneLine = body.replaceAll("\\s+", " ");
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + " …";
  }
}
