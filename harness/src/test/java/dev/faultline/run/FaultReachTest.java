package dev.faultline.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.experiment.Durations;
import dev.faultline.experiment.FaultSpec;
import dev.faultline.experiment.TargetFaults;
import dev.faultline.fault.ActiveFault;
import dev.faultline.fault.FaultInjector;
import dev.faultline.report.FaultWindow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A fault whose injector strikes at once but returns later: its reach starts when it struck, its
 * window when it returned.
 */
class FaultReachTest {

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void the_reach_of_a_fault_starts_when_its_switching_on_began_and_its_window_when_it_was_on() {
    FaultSpec crash =
        new FaultSpec(
            "crash", Durations.parse("0s"), null, new TargetFaults.KillWorker("batch", null, 1));
    AtomicReference<Instant> struck = new AtomicReference<>();
    // Strikes, then takes its time to return, as a SIGKILL that waits for the process to be gone
    // does.
    FaultInjector slowToReturn =
        f -> {
          struck.set(Instant.now());
          long until = System.nanoTime() + 300_000_000L;
          while (System.nanoTime() < until) {
            Thread.onSpinWait();
          }
          return new ActiveFault() {
            @Override
            public String name() {
              return f.name();
            }

            @Override
            public void rollback() {}
          };
        };
    FaultSchedule schedule =
        new FaultSchedule(
            "drill",
            List.of(crash),
            f -> slowToReturn,
            new RunJournal(Clock.systemUTC()),
            new Console(new PrintStream(new ByteArrayOutputStream())));

    assertThat(schedule.switchOn("crash")).isTrue();
    schedule.rollbackAll();

    FaultWindow window = schedule.windows().get(0);
    FaultWindow reach = schedule.reach().get(0);
    assertThat(reach.on()).isBeforeOrEqualTo(struck.get());
    assertThat(window.on())
        .as("the window starts once the injector returned")
        .isAfterOrEqualTo(struck.get().plusMillis(300));
    assertThat(reach.off()).isEqualTo(window.off());
  }
}
