package dev.faultline.check;

import dev.faultline.observe.ThreadDetail;
import dev.faultline.observe.ThreadSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The goleak-style judgement of a target's threads, free of I/O: threads are grouped in families
 * (the name with its trailing number replaced by N: {@code job-waiter-17} → {@code job-waiter-N}),
 * and each family may not have more threads than in the baseline taken before load. JVM, JMX and
 * attach threads are never counted, nor threads the experiment ignores. New threads of elastic
 * request pools (Tomcat's {@code http-nio-…-exec-N}, Jetty, the common ForkJoinPool, JDK HttpClient
 * workers) are excused while they sit idle waiting for work, because those pools grow under load
 * and shrink on their own clock; a busy one (stuck in a request) still counts.
 */
public final class ThreadLeaks {

    /** Threads of the JVM itself and of the observation (JMX over RMI, the Attach API). */
    static final List<Pattern> SYSTEM = patterns("Attach Listener", "RMI TCP Connection\\(.*", "RMI TCP Accept-.*", "RMI Scheduler\\(.*",
            "RMI RenewClean-.*", "RMI Reaper", "GC Daemon", "JMX server connection timeout.*", "JMX client heartbeat.*", "ClientNotifForwarder-.*",
            "process reaper", "Signal Dispatcher", "Common-Cleaner", "Finalizer", "Reference Handler", "Notification Thread", "Service Thread",
            "Monitor Deflation Thread", "C[12] CompilerThread\\d+", "Sweeper thread", "DestroyJavaVM", "VM Periodic Task Thread");

    /** Request pools that grow under load and shrink on their own; their idle newcomers are excused. */
    static final List<Pattern> ELASTIC = patterns("https?-(nio2?|apr)-.*-exec-\\d+", "qtp\\d+-\\d+", "XNIO-\\d+ task-\\d+",
            "ForkJoinPool\\.commonPool-worker-\\d+", "HttpClient-\\d+-Worker-\\d+", "boundedElastic-\\d+");

    /** Frames that show a pool worker idle, waiting for its next task. */
    private static final List<String> IDLE_FRAMES = List.of("java.util.concurrent.ThreadPoolExecutor.getTask", "org.apache.tomcat.util.threads.TaskQueue.",
            "org.apache.tomcat.util.threads.ThreadPoolExecutor.getTask", "java.util.concurrent.ForkJoinPool.awaitWork",
            "org.eclipse.jetty.util.thread.QueuedThreadPool$Runner.idleJobPoll", "org.jboss.threads.EnhancedQueueExecutor$ThreadBody.run");

    private static final int SHOWN = 10;
    private static final int FRAMES = 8;

    private ThreadLeaks() {}

    /**
     * Judges {@code now} against {@code baseline}: at most {@code tolerance} extra threads.
     *
     * @param waited how long the check polled before this judgement, for the evidence
     */
    public static CheckResult judge(String name, String target, ThreadSnapshot baseline, ThreadSnapshot now, List<String> ignore, int tolerance,
            Duration settle, Duration waited) {
        List<Pattern> ignored = patterns(ignore.toArray(String[]::new));
        Map<String, List<ThreadDetail>> before = families(baseline.threads(), ignored);
        Map<String, List<ThreadDetail>> after = families(now.threads(), ignored);
        Set<Long> baselineIds = new HashSet<>();
        baseline.threads().forEach(t -> baselineIds.add(t.id()));
        List<String> familyLines = new ArrayList<>();
        List<ThreadDetail> leaked = new ArrayList<>();
        Map<String, Integer> excused = new TreeMap<>();
        int extra = 0;
        for (Map.Entry<String, List<ThreadDetail>> f : after.entrySet()) {
            int was = before.getOrDefault(f.getKey(), List.of()).size();
            int more = f.getValue().size() - was;
            if (more <= 0) {
                continue;
            }
            List<ThreadDetail> newcomers = f.getValue().stream().filter(t -> !baselineIds.contains(t.id()))
                    .sorted(Comparator.comparing(ThreadLeaks::isIdle).thenComparing(ThreadDetail::id, Comparator.reverseOrder())).toList();
            int forgiven = 0;
            if (matchesAny(ELASTIC, f.getValue().get(0).name())) {
                forgiven = (int) Math.min(more, newcomers.stream().filter(ThreadLeaks::isIdle).count());
                if (forgiven > 0) {
                    excused.put(f.getKey(), forgiven);
                }
            }
            int leaks = more - forgiven;
            if (leaks > 0) {
                extra += leaks;
                familyLines.add(f.getKey() + ": " + was + " before load, " + f.getValue().size() + " now (+" + leaks + ")");
                leaked.addAll(newcomers.subList(0, Math.min(leaks, newcomers.size())));
            }
        }
        boolean holds = extra <= tolerance;
        List<String> evidence = new ArrayList<>();
        if (extra > 0) {
            evidence.addAll(familyLines);
            leaked.stream().sorted(Comparator.comparing(ThreadDetail::name)).limit(SHOWN)
                    .forEach(t -> evidence.add((holds ? "tolerated " : "leaked ") + t.label() + " at " + t.topAndOwner(FRAMES)));
            if (leaked.size() > SHOWN) {
                evidence.add("… " + (leaked.size() - SHOWN) + " more extra threads");
            }
        } else {
            evidence.add("every thread family is back to its baseline size (" + before.values().stream().mapToInt(List::size).sum() + " counted threads)");
        }
        excused.forEach((family, n) -> evidence.add("excused " + n + " idle new threads of the elastic pool " + family + " (they shrink on their own)"));
        long ignoredNow = now.threads().stream().filter(t -> matchesAny(ignored, t.name())).count();
        if (ignoredNow > 0) {
            evidence.add("ignored " + ignoredNow + " threads matching " + ignore);
        }
        now.blindSpots().forEach(b -> evidence.add("not seen: " + b));
        String measured = "threads of target " + target + " after load and rollback, per family (name with its number as N), against the baseline before load";
        String bound = "at most " + tolerance + " extra threads, settling within " + settle.toMillis() + " ms";
        int excusedTotal = excused.values().stream().mapToInt(Integer::intValue).sum();
        String observed = extra + " extra threads after " + waited.toMillis() + " ms (" + baseline.size() + " threads before load, " + now.size() + " now"
                + (excusedTotal > 0 ? "; " + excusedTotal + " idle request-pool threads excused" : "") + ")";
        return new CheckResult(name, "no-thread-leak", holds ? CheckStatus.PASSED : CheckStatus.FAILED, measured, bound, observed, evidence);
    }

    /** The family of a thread name: its trailing number replaced by N. */
    static String family(String threadName) {
        return threadName.matches(".*\\d$") ? threadName.replaceFirst("\\d+$", "N") : threadName;
    }

    static boolean isIdle(ThreadDetail t) {
        return t.stack().stream().anyMatch(f -> IDLE_FRAMES.stream().anyMatch(f::startsWith));
    }

    private static Map<String, List<ThreadDetail>> families(List<ThreadDetail> threads, List<Pattern> ignored) {
        Map<String, List<ThreadDetail>> out = new LinkedHashMap<>();
        for (ThreadDetail t : threads) {
            if (!matchesAny(SYSTEM, t.name()) && !matchesAny(ignored, t.name())) {
                out.computeIfAbsent(family(t.name()), k -> new ArrayList<>()).add(t);
            }
        }
        return out;
    }

    private static boolean matchesAny(List<Pattern> patterns, String name) {
        return patterns.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private static List<Pattern> patterns(String... regexes) {
        List<Pattern> out = new ArrayList<>();
        for (String r : regexes) {
            out.add(Pattern.compile(r));
        }
        return out;
    }
}
