package dev.faultline.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.observe.ThreadDetail;
import dev.faultline.observe.ThreadSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadLeaksTest {

    private static final List<String> PARKED_ON_QUEUE = List.of("jdk.internal.misc.Unsafe.park(Native Method)",
            "java.util.concurrent.locks.LockSupport.park(LockSupport.java:341)", "java.util.concurrent.LinkedBlockingQueue.take(LinkedBlockingQueue.java:435)",
            "dev.faultline.targets.pool.JobPool.lambda$waitFor$1(JobPool.java:88)");
    private static final List<String> IDLE_IN_TOMCAT = List.of("jdk.internal.misc.Unsafe.park(Native Method)",
            "org.apache.tomcat.util.threads.TaskQueue.take(TaskQueue.java:141)", "org.apache.tomcat.util.threads.ThreadPoolExecutor.getTask(ThreadPoolExecutor.java:1160)");
    private static final List<String> RUNNING = List.of("java.lang.Thread.run(Thread.java:833)");

    private static ThreadDetail t(long id, String name, List<String> stack) {
        return new ThreadDetail(id, name, Thread.State.WAITING, true, stack);
    }

    private static ThreadSnapshot snapshot(ThreadDetail... threads) {
        return new ThreadSnapshot(Instant.parse("2026-01-01T00:00:00Z"), List.of(threads));
    }

    private static CheckResult judge(ThreadSnapshot before, ThreadSnapshot now, List<String> ignore, int tolerance) {
        return ThreadLeaks.judge("no-thread-leak", "pool", before, now, ignore, tolerance, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void threads_back_to_the_baseline_pass_even_with_new_ids_and_numbers() {
        ThreadSnapshot before = snapshot(t(1, "main", RUNNING), t(20, "job-worker-1", RUNNING), t(21, "job-worker-2", RUNNING));
        ThreadSnapshot after = snapshot(t(1, "main", RUNNING), t(20, "job-worker-1", RUNNING), t(57, "job-worker-9", RUNNING));

        CheckResult r = judge(before, after, List.of(), 0);

        assertThat(r.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(r.evidence().get(0)).isEqualTo("every thread family is back to its baseline size (3 counted threads)");
    }

    @Test
    void extra_threads_of_a_family_are_a_leak_reported_with_name_state_and_stack() {
        ThreadSnapshot before = snapshot(t(1, "main", RUNNING));
        ThreadSnapshot after = snapshot(t(1, "main", RUNNING), t(40, "job-waiter-1", PARKED_ON_QUEUE), t(41, "job-waiter-2", PARKED_ON_QUEUE));

        CheckResult r = judge(before, after, List.of(), 0);

        assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(r.observed()).isEqualTo("2 extra threads after 5000 ms (1 threads before load, 3 now)");
        assertThat(r.evidence()).containsExactly("job-waiter-N: 0 before load, 2 now (+2)",
                "leaked job-waiter-1 (id 40, WAITING, daemon) at jdk.internal.misc.Unsafe.park(Native Method) ← java.util.concurrent.locks.LockSupport.park(LockSupport.java:341)"
                        + " ← java.util.concurrent.LinkedBlockingQueue.take(LinkedBlockingQueue.java:435) ← dev.faultline.targets.pool.JobPool.lambda$waitFor$1(JobPool.java:88)",
                "leaked job-waiter-2 (id 41, WAITING, daemon) at jdk.internal.misc.Unsafe.park(Native Method) ← java.util.concurrent.locks.LockSupport.park(LockSupport.java:341)"
                        + " ← java.util.concurrent.LinkedBlockingQueue.take(LinkedBlockingQueue.java:435) ← dev.faultline.targets.pool.JobPool.lambda$waitFor$1(JobPool.java:88)");
    }

    @Test
    void tolerance_ignore_patterns_and_jmx_threads_are_not_counted() {
        ThreadSnapshot before = snapshot(t(1, "main", RUNNING));
        ThreadSnapshot after = snapshot(t(1, "main", RUNNING), t(30, "RMI TCP Connection(3)-127.0.0.1", RUNNING), t(31, "JMX server connection timeout 33", RUNNING),
                t(32, "Attach Listener", RUNNING), t(33, "cache-refresher-1", RUNNING), t(34, "job-waiter-1", PARKED_ON_QUEUE));

        CheckResult r = judge(before, after, List.of("cache-.*"), 1);

        assertThat(r.status()).as("one extra within tolerance 1").isEqualTo(CheckStatus.PASSED);
        assertThat(r.evidence()).contains("ignored 1 threads matching [cache-.*]");
    }

    @Test
    void idle_newcomers_of_an_elastic_request_pool_are_excused_but_a_busy_one_is_not() {
        List<ThreadDetail> now = new ArrayList<>(List.of(t(1, "main", RUNNING), t(10, "http-nio-127.0.0.1-8080-exec-1", IDLE_IN_TOMCAT)));
        now.add(t(50, "http-nio-127.0.0.1-8080-exec-11", IDLE_IN_TOMCAT));
        now.add(t(51, "http-nio-127.0.0.1-8080-exec-12", PARKED_ON_QUEUE));

        CheckResult r = judge(snapshot(t(1, "main", RUNNING), t(10, "http-nio-127.0.0.1-8080-exec-1", IDLE_IN_TOMCAT)), snapshot(now.toArray(ThreadDetail[]::new)),
                List.of(), 0);

        assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(r.evidence()).contains("http-nio-127.0.0.1-8080-exec-N: 1 before load, 3 now (+1)",
                "excused 1 idle new threads of the elastic pool http-nio-127.0.0.1-8080-exec-N (they shrink on their own)");
        assertThat(r.evidence().get(1)).startsWith("leaked http-nio-127.0.0.1-8080-exec-12 (id 51");
        assertThat(r.observed()).as("the console line says why the counts differ").endsWith("(2 threads before load, 4 now; 1 idle request-pool threads excused)");
    }

    @Test
    void a_family_is_the_name_without_its_trailing_number() {
        assertThat(ThreadLeaks.family("job-waiter-17")).isEqualTo("job-waiter-N");
        assertThat(ThreadLeaks.family("pool-3-thread-7")).isEqualTo("pool-3-thread-N");
        assertThat(ThreadLeaks.family("main")).isEqualTo("main");
    }
}
