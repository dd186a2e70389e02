package dev.faultline.report;

import dev.faultline.FaultlineException;
import dev.faultline.check.CheckResult;
import dev.faultline.check.CheckStatus;
import dev.faultline.experiment.Expectation;
import dev.faultline.profile.ProfileException;
import dev.faultline.profile.ProfileReader;
import dev.faultline.profile.ProfileWindow;
import dev.faultline.profile.TargetProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a run's journal.json back into the {@link RunRecord} it was written from, so that the
 * history index (or any other tool) works from a reports folder alone, old runs included. The
 * record's folder is the journal's own folder, wherever the reports folder has moved since.
 *
 * <p>Stateless and thread-safe.
 */
public final class JournalReader {

  private JournalReader() {}

  /**
   * @param journalJson a journal.json written by {@link RunReports#write(RunRecord)}
   * @throws FaultlineException if the file cannot be read, is not JSON, or has a schema version
   *     this reader does not know
   */
  public static RunRecord read(Path journalJson) {
    JournalDocument document;
    try {
      document =
          JournalWriter.JSON.readValue(Files.readAllBytes(journalJson), JournalDocument.class);
    } catch (Exception e) {
      throw new FaultlineException(
          "could not read journal " + journalJson + ": " + e.getMessage(), e);
    }
    if (document.schemaVersion() != JournalDocument.SCHEMA_VERSION) {
      throw new FaultlineException(
          "journal "
              + journalJson
              + " has schemaVersion "
              + document.schemaVersion()
              + ", this Faultline reads version "
              + JournalDocument.SCHEMA_VERSION
              + "; rerun the experiment or use a matching Faultline");
    }
    return toRecord(document, journalJson.toAbsolutePath().getParent());
  }

  private static RunRecord toRecord(JournalDocument d, Path folder) {
    JournalDocument.Load load = d.load();
    List<JournalEvent> events = orEmpty(d.events()).stream().map(JournalReader::event).toList();
    return new RunRecord(
        d.runId(),
        folder,
        d.experiment(),
        d.description(),
        d.expect() == null ? null : Expectation.valueOf(d.expect()),
        orEmpty(d.caughtBy()),
        d.experimentFile() == null ? null : Path.of(d.experimentFile()),
        d.yaml(),
        d.seed(),
        instant(d.started()),
        instant(d.finished()),
        load == null ? null : instant(load.started()),
        load == null || load.declared() == null ? null : Duration.parse(load.declared()),
        d.verdict() == null ? null : Verdict.valueOf(d.verdict()),
        d.verdictSentence(),
        orEmpty(d.checks()).stream().map(JournalReader::check).toList(),
        load == null ? List.of() : orEmpty(load.steps()),
        orEmpty(d.timeline()),
        orEmpty(d.faults()).stream().map(JournalReader::fault).toList(),
        events,
        d.environment() == null ? Map.of() : d.environment(),
        d.artifacts() == null ? Map.of() : d.artifacts(),
        profiles(events, folder),
        d.error());
  }

  /**
   * The profiles, read again from the run folder's {@code <target>.jfr} over the windows the
   * journal names; a target whose recording is gone is left out.
   */
  static List<TargetProfile> profiles(List<JournalEvent> events, Path folder) {
    Map<String, List<ProfileWindow>> windows = new LinkedHashMap<>();
    for (JournalEvent e : events) {
      if (e.type().equals("profile") && e.data().containsKey("from")) {
        windows
            .computeIfAbsent(e.name(), k -> new ArrayList<>())
            .add(
                new ProfileWindow(
                    e.data().get("window"),
                    Instant.parse(e.data().get("from")),
                    Instant.parse(e.data().get("to"))));
      }
    }
    List<TargetProfile> out = new ArrayList<>();
    windows.forEach(
        (target, w) -> {
          Path file = folder.resolve(target + ".jfr");
          if (Files.isRegularFile(file)) {
            try {
              out.add(ProfileReader.read(target, file, w));
            } catch (ProfileException e) {
              // The page shows the run without that profile; the journal still has its summary.
            }
          }
        });
    return out;
  }

  private static CheckResult check(JournalDocument.Check c) {
    return new CheckResult(
        c.name(),
        c.kind(),
        c.status() == null ? null : CheckStatus.valueOf(c.status()),
        c.measured(),
        c.bound(),
        c.observed(),
        c.evidence());
  }

  private static FaultWindow fault(JournalDocument.Fault f) {
    return new FaultWindow(f.name(), f.kind(), f.description(), instant(f.on()), instant(f.off()));
  }

  private static JournalEvent event(JournalDocument.Event e) {
    return new JournalEvent(instant(e.at()), e.type(), e.name(), e.message(), e.data());
  }

  private static Instant instant(String iso) {
    return iso == null ? null : Instant.parse(iso);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
