package dev.faultline.builtin.aggregator;

import dev.faultline.builtin.support.NamedThreadFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls every downstream in parallel, one blocking JDK HttpClient call per {@code fanout-N} thread,
 * and waits for the answers the way the variant says. Cancelling a call interrupts its thread,
 * which makes HttpClient abort the exchange. Idle fan-out threads end after two seconds, so the
 * live thread count settles back when nothing leaks. Thread-safe.
 */
final class FanOut implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AggregatorVariant variant;
  private final List<URI> downstreams;
  private final Duration deadline;
  private final HttpClient http;
  private final ThreadPoolExecutor threads =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          2,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          new NamedThreadFactory("fanout"));
  private final LongAdder inFlightCalls = new LongAdder();

  FanOut(AggregatorVariant variant, List<URI> downstreams, Duration deadline) {
    this.variant = variant;
    this.downstreams = List.copyOf(downstreams);
    this.deadline = deadline;
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
    if (variant == AggregatorVariant.DEADLINE) {
      builder.connectTimeout(deadline);
    }
    this.http = builder.build();
  }

  /** The answers of one fan-out. */
  record Outcome(List<String> parts, int timedOut, int failed, long elapsedMs) {}

  Outcome aggregate(long ms) throws InterruptedException {
    long start = System.nanoTime();
    long deadlineAt = start + deadline.toNanos();
    List<Future<String>> calls = new ArrayList<>();
    for (URI downstream : downstreams) {
      calls.add(threads.submit(() -> call(downstream.resolve("/work?ms=" + ms))));
    }
    List<String> parts = new ArrayList<>();
    int timedOut = 0;
    int failed = 0;
    for (Future<String> call : calls) {
      try {
        parts.add(await(call, deadlineAt));
      } catch (TimeoutException e) {
        timedOut++;
        if (variant == AggregatorVariant.DEADLINE) {
          call.cancel(true); // the deadline is also the calls' deadline: stop what still runs
        } // NO_CANCEL, BUGGY TWIN on purpose: the call keeps running on its thread
      } catch (ExecutionException e) {
        if (e.getCause() instanceof HttpTimeoutException) {
          timedOut++; // the call's own timeout (= the deadline) beat our wait by a hair
        } else {
          failed++;
        }
      }
    }
    return new Outcome(parts, timedOut, failed, (System.nanoTime() - start) / 1_000_000);
  }

  private String await(Future<String> call, long deadlineAt)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (variant == AggregatorVariant.NO_DEADLINE) {
      return call.get(); // BUGGY TWIN, on purpose: no bound, so a slow downstream hangs us
    }
    return call.get(Math.max(0, deadlineAt - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  private String call(URI uri) throws IOException, InterruptedException {
    inFlightCalls.increment();
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
      if (variant == AggregatorVariant.DEADLINE) {
        request.timeout(deadline); // even an uncancelled call could not outlive the deadline
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException(uri + " answered " + response.statusCode());
      }
      return JSON.readTree(response.body()).path("part").asString();
    } finally {
      inFlightCalls.decrement();
    }
  }

  /** Downstream calls started and not yet finished. */
  long inFlightCalls() {
    return inFlightCalls.sum();
  }

  /** Fan-out threads alive, busy or idle (idle ones end after two seconds). */
  int liveThreads() {
    return threads.getPoolSize();
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
