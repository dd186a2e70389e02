package dev.faultline.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.http.client.Request;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Builds the Gatling population of one {@link LoadStep}, inside the fork. OPEN: each virtual user
 * sends one request. CLOSED: {@code users} virtual users, each looping one request at a time for
 * {@code duration} or until the step's {@code maxRequests} are issued; so at most {@code users}
 * requests are in flight. Either way a user has at most one request in flight, so Gatling's
 * per-user failure cause belongs to exactly one request.
 *
 * <p>Each request counts its sends: Gatling signs a request ({@code sign}) each time it is about to
 * write it, and with {@link Connection#KEEP_ALIVE} it would re-send, on a new connection, a request
 * whose reused connection closed before an answer. The second signature throws {@link
 * ResendRefusedException}, so nothing is written twice; the count goes to {@link
 * OutcomeClassifier}, which tells a connect that failed before any write (FAILED) from one that
 * failed after it (INDETERMINATE). Keep-alive connections are shared by the step's users, so that
 * an open workload (one request per user) reuses them too.
 *
 * <p>No Gatling EL anywhere: path, headers and body go through functions, so a {@code #{} } in them
 * is sent as is.
 */
final class StepScenario {

  /** The request in flight, a {@link Sent}; absent when the step's cap stopped it. */
  private static final String SENT = "faultline.sent";

  private static final String STATUS = "faultline.status";
  private static final Integer[] SUCCESS_STATUSES =
      IntStream.rangeClosed(200, 299).boxed().toArray(Integer[]::new);

  private final LoadStep step;
  private final OutcomeRecorder recorder;
  private final OperationIds ids;
  private final AtomicLong issued = new AtomicLong();

  /**
   * One request, kept in the session as a single attribute: each attribute set copies the session,
   * and this runs for every request. {@code sends} is mutable on purpose: Gatling's signature
   * counts into it from its event loop.
   */
  private record Sent(
      String op, String path, long startMillis, long startNanos, AtomicInteger sends) {}

  StepScenario(LoadStep step, OutcomeRecorder recorder, OperationIds ids) {
    this.step = step;
    this.recorder = recorder;
    this.ids = ids;
  }

  PopulationBuilder population() {
    PopulationBuilder population =
        step.workload() == Workload.OPEN
            ? scenario(step.name()).exec(oneRequest()).injectOpen(openInjection())
            : scenario(step.name()).exec(requestLoop()).injectOpen(fixedUsers());
    return population.protocols(protocol());
  }

  private HttpProtocolBuilder protocol() {
    HttpProtocolBuilder protocol =
        http.baseUrl(step.baseUrl())
            .disableWarmUp()
            .disableFollowRedirect()
            .disableCaching()
            .disableAutoReferer();
    return step.connection() == Connection.KEEP_ALIVE ? protocol.shareConnections() : protocol;
  }

  private List<OpenInjectionStep> openInjection() {
    List<OpenInjectionStep> injection = new ArrayList<>();
    if (!step.delay().isZero()) {
      injection.add(nothingFor(step.delay()));
    }
    if (!step.warmUp().isZero()) {
      injection.add(constantUsersPerSec(step.ratePerSecond()).during(step.warmUp()));
    }
    if (!step.ramp().isZero()) {
      injection.add(rampUsersPerSec(0).to(step.ratePerSecond()).during(step.ramp()));
    }
    injection.add(constantUsersPerSec(step.ratePerSecond()).during(step.duration()));
    return injection;
  }

  private OpenInjectionStep[] fixedUsers() {
    OpenInjectionStep users =
        step.ramp().isZero()
            ? atOnceUsers(step.users())
            : rampUsers(step.users()).during(step.ramp());
    return step.delay().isZero()
        ? new OpenInjectionStep[] {users}
        : new OpenInjectionStep[] {nothingFor(step.delay()), users};
  }

  private ChainBuilder oneRequest() {
    return exec(this::begin)
        .exec(doIf(session -> session.contains(SENT)).then(exec(request()).exec(this::finish)));
  }

  private ChainBuilder requestLoop() {
    return asLongAsDuring(session -> !capReached(), step.warmUp().plus(step.duration()))
        .on(oneRequest());
  }

  private boolean capReached() {
    return step.maxRequests() > 0 && issued.get() >= step.maxRequests();
  }

  private HttpRequestActionBuilder request() {
    HttpRequestActionBuilder request =
        http(step.name())
            .httpRequest(step.method(), session -> session.<Sent>get(SENT).path())
            .sign(StepScenario::countSend);
    if (step.connection() == Connection.CLOSE) {
      request = request.header("Connection", session -> "close");
    }
    for (Map.Entry<String, String> header : step.headers().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("Connection")) {
        String value = header.getValue();
        request = request.header(header.getKey(), session -> value);
      }
    }
    if (step.body() != null) {
      String body = step.body();
      request = request.body(StringBody(session -> body));
    }
    return request.check(status().saveAs(STATUS), status().in(SUCCESS_STATUSES));
  }

  /**
   * Called by Gatling each time it is about to write the request: once, unless it would re-send it,
   * which is refused.
   */
  private static Request countSend(Request request, Session session) {
    if (session.<Sent>get(SENT).sends().incrementAndGet() > 1) {
      throw new ResendRefusedException();
    }
    return request;
  }

  private Session begin(Session session) {
    // a looping user carries the previous request's status and failed flag; each change copies
    // the session, so only what is there is removed
    if (session.contains(STATUS)) {
      session = session.remove(STATUS);
    }
    if (session.isFailed()) {
      session = session.markAsSucceeded();
    }
    long n = issued.incrementAndGet();
    if (step.maxRequests() > 0 && n > step.maxRequests()) {
      return session.remove(SENT);
    }
    String op = ids.of(step.name(), n);
    long startMillis = System.currentTimeMillis();
    long startNanos = System.nanoTime();
    if (!recorder.started(step.name(), op, startMillis, startNanos)) {
      return session.remove(SENT);
    }
    return session.set(
        SENT, new Sent(op, step.pathFor(op), startMillis, startNanos, new AtomicInteger()));
  }

  private Session finish(Session session) {
    Sent sent = session.get(SENT);
    long latencyMicros = (System.nanoTime() - sent.startNanos()) / 1_000;
    int status = session.contains(STATUS) ? session.getInt(STATUS) : 0;
    String cause = FailureCauseAppender.takeCause(session.userId());
    recorder.append(
        OutcomeClassifier.classify(
            step.name(),
            sent.op(),
            sent.startMillis(),
            latencyMicros,
            status,
            cause,
            sent.sends().get()));
    return session;
  }
}
