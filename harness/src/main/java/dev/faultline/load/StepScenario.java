package dev.faultline.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Builds the Gatling population of one {@link LoadStep}, inside the fork. Every virtual user sends
 * exactly one request, so Gatling's per-user failure cause maps to exactly one request; the closed
 * model keeps {@code users} of them in flight by starting a new user whenever one ends.
 *
 * <p>No Gatling EL anywhere: path, headers and body go through functions, so a {@code #{} } in
 * them is sent as is.
 */
final class StepScenario {

    private static final String OP = "faultline.op";
    private static final String PATH = "faultline.path";
    private static final String START_NANOS = "faultline.startNanos";
    private static final String START_MILLIS = "faultline.startMillis";
    private static final String STATUS = "faultline.status";
    private static final String CAPPED = "faultline.capped";
    private static final Integer[] SUCCESS_STATUSES = IntStream.rangeClosed(200, 299).boxed().toArray(Integer[]::new);

    private final LoadStep step;
    private final OutcomeRecorder recorder;
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong firstStartNanos = new AtomicLong();

    StepScenario(LoadStep step, OutcomeRecorder recorder) {
        this.step = step;
        this.recorder = recorder;
    }

    PopulationBuilder population() {
        ScenarioBuilder scenario = scenario(step.name()).exec(chain());
        PopulationBuilder population = step.workload() == Workload.OPEN
                ? scenario.injectOpen(openInjection())
                : scenario.injectClosed(closedInjection());
        return population.protocols(protocol());
    }

    private HttpProtocolBuilder protocol() {
        return http.baseUrl(step.baseUrl())
                .disableWarmUp()
                .disableFollowRedirect()
                .disableCaching()
                .disableAutoReferer();
    }

    private List<OpenInjectionStep> openInjection() {
        List<OpenInjectionStep> injection = new ArrayList<>();
        if (!step.ramp().isZero()) {
            injection.add(rampUsersPerSec(0).to(step.ratePerSecond()).during(step.ramp()));
        }
        injection.add(constantUsersPerSec(step.ratePerSecond()).during(step.duration()));
        return injection;
    }

    private List<ClosedInjectionStep> closedInjection() {
        List<ClosedInjectionStep> injection = new ArrayList<>();
        if (!step.ramp().isZero()) {
            injection.add(rampConcurrentUsers(0).to(step.users()).during(step.ramp()));
        }
        injection.add(constantConcurrentUsers(step.users()).during(step.duration()));
        return injection;
    }

    private ChainBuilder chain() {
        // A capped closed-model user waits out the step instead of ending, else Gatling would
        // replace it at once and spin through empty users until the step's end.
        ChainBuilder whenCapped = step.workload() == Workload.CLOSED ? pause(this::restOfStep) : exec(session -> session);
        return exec(this::begin)
                .exec(doIfOrElse(session -> session.getBoolean(CAPPED))
                        .then(whenCapped)
                        .orElse(exec(request()).exec(this::finish)));
    }

    private HttpRequestActionBuilder request() {
        HttpRequestActionBuilder request = http(step.name())
                .httpRequest(step.method(), session -> session.getString(PATH))
                .header("Connection", session -> "close");
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

    private Session begin(Session session) {
        firstStartNanos.compareAndSet(0, System.nanoTime());
        long n = issued.incrementAndGet();
        if (step.maxRequests() > 0 && n > step.maxRequests()) {
            return session.set(CAPPED, true);
        }
        String op = step.name() + "-" + n;
        return session.set(CAPPED, false)
                .set(OP, op)
                .set(PATH, step.pathFor(op))
                .set(START_MILLIS, System.currentTimeMillis())
                .set(START_NANOS, System.nanoTime());
    }

    private Session finish(Session session) {
        long latencyMicros = (System.nanoTime() - session.getLong(START_NANOS)) / 1_000;
        int status = session.contains(STATUS) ? session.getInt(STATUS) : 0;
        String cause = FailureCauseAppender.takeCause(session.userId());
        recorder.append(OutcomeClassifier.classify(
                step.name(), session.getString(OP), session.getLong(START_MILLIS), latencyMicros, status, cause));
        return session;
    }

    private Duration restOfStep(Session session) {
        long endNanos = firstStartNanos.get() + step.activeFor().toNanos();
        return Duration.ofNanos(Math.max(endNanos - System.nanoTime(), 1_000_000));
    }
}
