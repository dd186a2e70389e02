package dev.faultline.profile;

import java.nio.file.Path;
import java.util.List;

/**
 * A target's recording read per window. Immutable.
 *
 * @param target the target's name
 * @param recording the {@code .jfr} file in the run folder
 * @param windows the windows, in time order
 */
public record TargetProfile(String target, Path recording, List<WindowProfile> windows) {

  public TargetProfile {
    windows = List.copyOf(windows);
  }
}
