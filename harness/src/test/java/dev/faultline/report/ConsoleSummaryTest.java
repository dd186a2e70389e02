package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

    @Test
    void the_summary_is_an_aligned_table_followed_by_the_report_of_each_run() {
        Path reports = Path.of("reports");
        String text = ConsoleSummary.render(List.of(SampleRuns.passing(reports.resolve("a")), SampleRuns.failing(reports.resolve("b")),
                SampleRuns.controlCaught(reports.resolve("c")), SampleRuns.error(reports.resolve("d"))));

        assertThat(text).isEqualTo("""
                experiment                         expect  verdict  checks  requests  req/s     p99  wall time
                ---------------------------------  ------  -------  ------  --------  -----  ------  ---------
                aggregator-deadline-under-latency  pass    MET         2/2     1,200   40.0  505 ms     41.0 s
                counter-lost-updates               pass    NOT MET     1/2     1,200   40.0  505 ms     41.0 s
                counter-control-unsynchronized     caught  MET         0/1     1,200   40.0  505 ms     41.0 s
                batch-latch-released               pass    ERROR       0/0         0    0.0       -     41.0 s

                aggregator-deadline-under-latency: %s
                counter-lost-updates: %s
                counter-control-unsynchronized: %s
                batch-latch-released: %s
                """.formatted(reports.resolve("a/index.html"), reports.resolve("b/index.html"), reports.resolve("c/index.html"),
                reports.resolve("d/index.html")));
    }
}
