package dev.faultline.profile;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.management.MBeanServerConnection;
import jdk.management.jfr.FlightRecorderMXBean;

/**
 * A recording the target keeps to itself until the run saves it: started and read through its
 * {@link FlightRecorderMXBean}, so nothing crosses JMX while the load runs (no chunk streamed and
 * parsed every second, which on two cores costs the target throughput). Thread-safe.
 */
final class MBeanRecording implements RecordingChannel {

  /** Bound (bytes) of the recording in the target's disk repository, for a run that goes on. */
  private static final String MAX_SIZE = String.valueOf(256L * 1024 * 1024);

  private final FlightRecorderMXBean recorder;
  private final long id;

  private MBeanRecording(FlightRecorderMXBean recorder, long id) {
    this.recorder = recorder;
    this.id = id;
  }

  static MBeanRecording start(MBeanServerConnection mbeans) throws IOException {
    FlightRecorderMXBean recorder =
        ManagementFactory.newPlatformMXBeanProxy(
            mbeans, FlightRecorderMXBean.MXBEAN_NAME, FlightRecorderMXBean.class);
    long id = recorder.newRecording();
    try {
      recorder.setRecordingSettings(id, ProfileSettings.settings());
      recorder.setRecordingOptions(
          id, Map.of("name", "faultline", "disk", "true", "maxSize", MAX_SIZE));
      recorder.startRecording(id);
      return new MBeanRecording(recorder, id);
    } catch (RuntimeException e) {
      recorder.closeRecording(id);
      throw e;
    }
  }

  @Override
  public void saveTo(Path file) throws IOException {
    recorder.stopRecording(id);
    long stream = recorder.openStream(id, null);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (byte[] b = recorder.readStream(stream); b != null; b = recorder.readStream(stream)) {
        out.write(b);
      }
    } finally {
      recorder.closeStream(stream);
    }
  }

  @Override
  public void close() {
    try {
      recorder.closeRecording(id);
    } catch (IOException | RuntimeException e) {
      // The target is gone, or the recording was closed: nothing is left to end.
    }
  }
}
