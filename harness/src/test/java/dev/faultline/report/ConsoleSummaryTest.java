package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

  @Test
  void the_summary_is_an_aligned_table_followed_by_the_report_of_each_run() {
    // A caught control says so (its catching check fails by design); steady-state probes are not
    // counted
    // as checks; a run whose requests got no answer shows no p99 rather than 0 ms.
    Path reports = Path.of("reports");
    String text =
        ConsoleSummary.render(
            List.of(
                SampleRuns.passing(reports.resolve("a")),
                SampleRuns.failing(reports.resolve("b")),
                SampleRuns.controlCaught(reports.resolve("c")),
                SampleRuns.error(reports.resolve("d")),
                SampleRuns.inconclusive(reports.resolve("e")),
                SampleRuns.abortedWithoutAnswers(reports.resolve("f"))));

    assertThat(text)
        .isEqualTo(
            """
                experiment                         expect  verdict                          checks  requests  req/s        p99  wall time
                ---------------------------------  ------  ------------  -------------------------  --------  -----  ---------  ---------
                aggregator-deadline-under-latency  pass    MET                                 2/2     1,200   40.0     505 ms     41.0 s
                counter-lost-updates               pass    NOT MET                             1/2     1,200   40.0     505 ms     41.0 s
                counter-control-unsynchronized     caught  MET           caught by counter-adds-up     1,200   40.0     505 ms     41.0 s
                batch-latch-released               pass    ERROR                               0/0         0    0.0          -     41.0 s
                orders-on-a-wrong-path             pass    INCONCLUSIVE                        1/1        10    0.3     4.0 ms     41.0 s
                cold-start-aborted                 pass    ABORTED                             2/2       176   35.2  no answer     41.0 s

                aggregator-deadline-under-latency: %s
                counter-lost-updates: %s
                counter-control-unsynchronized: %s
                batch-latch-released: %s
                orders-on-a-wrong-path: %s
                cold-start-aborted: %s
                """
                .formatted(
                    reports.resolve("a/index.html"),
                    reports.resolve("b/index.html"),
                    reports.resolve("c/index.html"),
                    reports.resolve("d/index.html"),
                    reports.resolve("e/index.html"),
                    reports.resolve("f/index.html")));
  }
}
