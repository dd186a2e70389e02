package dev.faultline.builtin.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.builtin.support.SimulatedWork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal of the durable variants, without HTTP. A process "dies" here by abandoning its
 * journal without closing it: whatever close() would still have written never reaches the file,
 * exactly as with a SIGKILL.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CounterJournalTest {

  private static final SimulatedWork NO_WORK = new SimulatedWork(Duration.ZERO);

  @TempDir Path dir;

  private Path file() {
    return dir.resolve(JournalFile.NAME);
  }

  @Test
  void replayingAForcedJournalRestoresTheValueTheIncrementsAndTheAppliedOpIds() {
    LockedCounter before = new LockedCounter(NO_WORK, ForcedJournal.open(file()), replay());
    before.increment("op-1");
    before.increment(null);
    before.increment("op/2 with\nnewline");
    before.increment("op-1"); // a retry the counter applied twice
    // No close(): the process dies here.

    LockedCounter after = new LockedCounter(NO_WORK, ForcedJournal.open(file()), replay());
    CounterController controller = new CounterController(after, CounterVariant.DURABLE);

    assertThat(after.value()).isEqualTo(4);
    assertThat(controller.state()).isEqualTo(new CounterController.CounterState(4, 4, "durable"));
    assertThat(controller.operations())
        .as("an id that needs encoding survives the round trip; a retry stays a duplicate")
        .isEqualTo(
            new CounterController.Operations(
                List.of("op-1", "op/2 with\nnewline"), List.of("op-1")));
    assertThat(after.increment("op-3")).as("counting goes on from the replayed value").isEqualTo(5);
  }

  @Test
  void aTornLastLineIsSkippedAndCutOffSoTheNextIncrementStartsOnAFreshLine() throws IOException {
    Files.writeString(file(), "op a\n-\nop b\nop unfinish", StandardCharsets.UTF_8);

    JournalReplay replayed = replay();

    assertThat(replayed).isEqualTo(new JournalReplay(3, List.of("a", "b"), 11));
    assertThat(file()).hasContent("op a\n-\nop b\n");
    LockedCounter counter = new LockedCounter(NO_WORK, ForcedJournal.open(file()), replayed);
    assertThat(counter.increment("c")).isEqualTo(4);
    assertThat(replay()).isEqualTo(new JournalReplay(4, List.of("a", "b", "c"), 0));
  }

  @Test
  void aMissingOrEmptyJournalReplaysAsNothing() throws IOException {
    assertThat(replay()).isEqualTo(JournalReplay.NOTHING);
    Files.createFile(file());
    assertThat(replay()).isEqualTo(JournalReplay.NOTHING);
  }

  @Test
  void aLineThatIsNoJournalEntryFailsTheReplayNamingTheLineAndTheFix() throws IOException {
    Files.writeString(file(), "op a\nhello\n", StandardCharsets.UTF_8);

    assertThatThrownBy(this::replay)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "line 2 of "
                + file()
                + " is not a counter journal entry ('hello'): remove the file, or point"
                + " faultline.data-dir elsewhere, to start from zero");
  }

  @Test
  void theLazyTwinLosesAcknowledgedIncrementsThatWereNotCommittedWhenTheProcessDies() {
    GroupCommitJournal journal = GroupCommitJournal.ticking(file());
    LockedCounter before = new LockedCounter(NO_WORK, journal, replay());
    before.increment("op-1");
    before.increment("op-2");
    journal.tick(); // closes the group {op-1, op-2}; it is committed at the next tick
    before.increment("op-3");
    journal.tick(); // commits {op-1, op-2}, closes {op-3}
    assertThat(before.increment("op-4")).as("acknowledged").isEqualTo(4);
    // No close(): the process dies with {op-3} closed and {op-4} filling, both acknowledged.

    JournalReplay replayed = replay();

    assertThat(replayed.ops())
        .as("only the committed group survives")
        .containsExactly("op-1", "op-2");
    assertThat(new LockedCounter(NO_WORK, GroupCommitJournal.ticking(file()), replayed).value())
        .as("two acknowledged increments lost")
        .isEqualTo(2);
  }

  @Test
  void theLazyTwinLosesNothingWhenItIsStoppedGracefully() {
    GroupCommitJournal journal = GroupCommitJournal.ticking(file());
    LockedCounter counter = new LockedCounter(NO_WORK, journal, replay());
    counter.increment("op-1");
    journal.tick();
    counter.increment("op-2");

    counter.close();

    assertThat(replay()).isEqualTo(new JournalReplay(2, List.of("op-1", "op-2"), 0));
  }

  @Test
  void resetEmptiesTheJournalAndWhatIsPendingOfTheLazyTwin() {
    LockedCounter durable = new LockedCounter(NO_WORK, ForcedJournal.open(file()), replay());
    durable.increment("op-1");
    durable.reset();
    assertThat(replay()).isEqualTo(JournalReplay.NOTHING);
    durable.close();

    GroupCommitJournal journal = GroupCommitJournal.ticking(file());
    LockedCounter lazy = new LockedCounter(NO_WORK, journal, replay());
    lazy.increment("op-2");
    journal.tick();
    lazy.reset();
    lazy.increment("op-3");
    lazy.close();
    assertThat(replay()).isEqualTo(new JournalReplay(1, List.of("op-3"), 0));
  }

  private JournalReplay replay() {
    return JournalFile.replay(file());
  }
}
