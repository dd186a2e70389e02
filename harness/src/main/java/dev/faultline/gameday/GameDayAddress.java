package dev.faultline.gameday;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.FaultlineException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Where a running game day listens, kept in {@code gameday.json} of its reports folder (readable by
 * its owner only: it holds the action token) while it runs, so {@code faultline abort} can find it.
 * Immutable.
 *
 * @param pid the game day's process
 * @param url the page, always on 127.0.0.1
 * @param token the token every action must carry
 * @param experiment the experiment's name
 * @param runFolder where its report goes
 */
public record GameDayAddress(
    long pid, String url, String token, String experiment, String runFolder) {

  /** The file's name in a reports folder. */
  public static final String FILE = "gameday.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The running game day of a reports folder, if there is one. */
  public static Optional<GameDayAddress> find(Path reportsFolder) {
    Path file = reportsFolder.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), GameDayAddress.class));
    } catch (IOException e) {
      throw new FaultlineException(
          "cannot read " + file + ": " + e.getMessage() + "; delete it if no game day runs", e);
    }
  }

  /** The address of the abort action. */
  public URI abortUrl() {
    return URI.create(url).resolve("/api/abort");
  }

  void write(Path reportsFolder) {
    Path file = reportsFolder.resolve(FILE);
    try {
      Path tmp = Files.createTempFile(reportsFolder, ".gameday", ".json");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Not a POSIX file system: the folder's own permissions protect the token.
      }
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new FaultlineException(
          "cannot write " + file + " (faultline abort reads it): " + e.getMessage(), e);
    }
  }

  /** Deletes the file if it is still this game day's. */
  void delete(Path reportsFolder) {
    try {
      if (find(reportsFolder).filter(this::equals).isPresent()) {
        Files.deleteIfExists(reportsFolder.resolve(FILE));
      }
    } catch (IOException | FaultlineException e) {
      // Leaving a stale file is harmless: faultline abort says the game day is gone.
    }
  }
}
