package dev.faultline.profile;

import java.io.IOException;
import java.nio.file.Path;

/** How a target's recording reaches the harness: saved once at the end, or streamed live. */
interface RecordingChannel {

  /** Writes what was recorded to {@code file}; the recording may stop. */
  void saveTo(Path file) throws IOException;

  /** Ends the recording in the target; quiet when the target is gone. */
  void close();
}
