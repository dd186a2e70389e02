package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.report.FaultWindow;
import dev.faultline.report.RunRecord;
import dev.faultline.report.StepSummary;
import dev.faultline.report.Verdict;
import dev.faultline.run.Console;
import dev.faultline.run.ExperimentRun;
import dev.faultline.run.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two plain JDK services started by command:, the front told the back's proxy with ${url:front->back}. */
class WiringEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Path service(String file) {
        try {
            return Path.of(WiringEndToEndTest.class.getResource("services/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void a_command_target_wired_to_its_callees_proxy_runs_and_the_proxys_latency_shows_in_its_answers() throws IOException {
        Path file = dir.resolve("wired.yaml");
        Files.writeString(file, """
                name: e2e-wired
                description: "front calls back through the proxy front->back, whose address it gets from ${url:front->back}"
                seed: 3
                request-timeout: 3s
                targets:
                  back: {command: [%1$s, %2$s, "${port}"], health: /health}
                  front:
                    command: [%1$s, %3$s, "${port}"]
                    env: {BACK_URL: "${url:front->back}"}
                    health: /health
                    calls: [back]
                load:
                  - {name: calls, target: front, request: GET /call, workload: open, rate: 20/s, duration: 6s, max-requests: 500}
                faults:
                  - {name: slow-back, at: 2s, for: 2s, latency: {proxy: front->back, latency: 400ms}}
                checks:
                  - invariant: {name: calls-reached-back, target: front, request: GET /stats, path: $.calls, at-least: 60}
                """.formatted(java(), service("BackService.java"), service("FrontService.java")));
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        RunRecord run = new ExperimentRun(ExperimentLoader.load(file),
                new RunOptions(dir.resolve("reports"), E2eSupport.home(), new Console(new PrintStream(console, true, StandardCharsets.UTF_8)))).execute();

        assertThat(run.verdict()).as(run.verdictSentence() + "\n" + console).isEqualTo(Verdict.MET);
        StepSummary calls = run.load().get(0);
        assertThat(calls.ok()).as("calls answered through the proxy to back\n%s", console).isGreaterThan(60);
        FaultWindow slow = run.faults().get(0);
        List<Long> inWindow = new ArrayList<>();
        List<Long> outside = new ArrayList<>();
        for (String line : Files.readAllLines(run.folder().resolve("outcomes.jsonl"))) {
            JsonNode o = JSON.readTree(line);
            long start = o.get("startMillis").asLong();
            boolean in = start >= slow.on().toEpochMilli() && start + 500 <= slow.off().toEpochMilli();
            boolean clear = start + 3_000 < slow.on().toEpochMilli() || start > slow.off().toEpochMilli();
            if ("OK".equals(o.get("outcome").asText()) && (in || clear)) {
                (in ? inWindow : outside).add(o.get("latencyMicros").asLong() / 1000);
            }
        }
        assertThat(inWindow).as("calls started while front->back added 400 ms").hasSizeGreaterThan(10).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(400));
        assertThat(median(inWindow)).as("the fault shows in front's latency: median inside %s ms vs outside %s ms", inWindow, outside)
                .isGreaterThan(median(outside) + 200);
        String journal = Files.readString(run.folder().resolve("journal.json"));
        assertThat(journal).contains("wired to front->back at http://127.0.0.1:");
    }
}
