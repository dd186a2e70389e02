package dev.faultline.profile;

import java.io.IOException;
import java.nio.file.Path;
import javax.management.MBeanServerConnection;
import jdk.management.jfr.RemoteRecordingStream;

/**
 * A recording streamed to the harness as it happens ({@link RemoteRecordingStream}, about a second
 * behind), for the game day's live view; it costs the target more than {@link MBeanRecording}.
 * Thread-safe.
 */
final class StreamedRecording implements RecordingChannel {

  private final RemoteRecordingStream stream;

  private StreamedRecording(RemoteRecordingStream stream) {
    this.stream = stream;
  }

  static StreamedRecording start(MBeanServerConnection mbeans, LiveContention live)
      throws IOException {
    RemoteRecordingStream stream = new RemoteRecordingStream(mbeans);
    try {
      stream.setSettings(ProfileSettings.settings());
      stream.onEvent("jdk.JavaMonitorEnter", live::monitorEntered);
      stream.onEvent("jdk.ThreadPark", live::parked);
      stream.startAsync();
      return new StreamedRecording(stream);
    } catch (RuntimeException e) {
      stream.close();
      throw e;
    }
  }

  @Override
  public void saveTo(Path file) throws IOException {
    stream.dump(file);
  }

  @Override
  public void close() {
    try {
      stream.close();
    } catch (RuntimeException ignored) {
      // The target may be gone (killed, stopped): its recording went with it.
    }
  }
}
