package dev.faultline.experiment.internal;

import dev.faultline.experiment.ExperimentError;
import dev.faultline.experiment.internal.YamlBinder.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The errors found in one file, each at its line and column, and where each field path was written,
 * so that an error found after binding is reported where its field stands. Not thread-safe: one
 * instance per file.
 */
final class BindingErrors {

  private final Path file;
  private final List<ExperimentError> errors = new ArrayList<>();
  private final Map<String, Location> locations = new LinkedHashMap<>();

  BindingErrors(Path file) {
    this.file = file;
  }

  List<ExperimentError> list() {
    return errors;
  }

  Map<String, Location> locations() {
    return locations;
  }

  /** Remembers where {@code path} was written. */
  void written(String path, Node node) {
    locations.put(path, start(node));
  }

  void emptyFile() {
    errors.add(
        ExperimentError.ofFile(
            file,
            "the file is empty",
            "start from an experiment in experiments/, e.g. counter-locked.yaml"));
  }

  /** An error at a node of the file. */
  void at(Node node, String field, String message, String fix) {
    add(start(node), field, message, fix);
  }

  /** An error at where {@code field} (or the nearest parent written) stands. */
  void at(String field, String message, String fix) {
    add(locate(field), field, message, fix);
  }

  private void add(Location where, String field, String message, String fix) {
    errors.add(new ExperimentError(file, where.line(), where.column(), field, message, fix));
  }

  private Location locate(String field) {
    String path = field;
    while (!path.isEmpty()) {
      Location written = locations.get(path);
      if (written != null) {
        return written;
      }
      int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut <= 0 ? "" : path.substring(0, cut);
    }
    return locations.getOrDefault("", new Location(1, 1));
  }

  private static Location start(Node node) {
    Mark mark = node.getStartMark();
    return new Location(mark.getLine() + 1, mark.getColumn() + 1);
  }
}
