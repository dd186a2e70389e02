package dev.faultline.experiment;

import dev.faultline.experiment.internal.ExperimentText;
import dev.faultline.experiment.internal.YamlBinder;
import dev.faultline.experiment.internal.YamlShape;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads experiment files: YAML is composed into a node tree (never into arbitrary objects), bound
 * onto {@link Experiment} and validated; every error in every file is reported together, each with
 * file:line:column, the field and a fix. Thread-safe (stateless).
 */
public final class ExperimentLoader {

  private ExperimentLoader() {}

  /** Loads one file; throws {@link InvalidExperimentException} listing every error in it. */
  public static LoadedExperiment load(Path file) {
    List<ExperimentError> errors = new ArrayList<>();
    LoadedExperiment loaded = load(file, errors);
    if (!errors.isEmpty()) {
      throw new InvalidExperimentException(errors);
    }
    return loaded;
  }

  /**
   * Loads files and every {@code *.yaml}/{@code *.yml} directly inside the given folders, sorted by
   * name; throws {@link InvalidExperimentException} listing the errors of all files at once.
   */
  public static List<LoadedExperiment> loadAll(List<Path> filesOrFolders) {
    List<ExperimentError> errors = new ArrayList<>();
    List<LoadedExperiment> out = new ArrayList<>();
    for (Path file : expand(filesOrFolders, errors)) {
      LoadedExperiment e = load(file, errors);
      if (e != null) {
        out.add(e);
      }
    }
    List<String> seen = new ArrayList<>();
    for (LoadedExperiment e : out) {
      if (seen.contains(e.name())) {
        errors.add(
            new ExperimentError(
                e.file(),
                1,
                1,
                "name",
                "another experiment is also named \"" + e.name() + "\"",
                "give each experiment its own name"));
      }
      seen.add(e.name());
    }
    if (!errors.isEmpty()) {
      throw new InvalidExperimentException(errors);
    }
    return out;
  }

  /** The experiment files named by the arguments, in order. */
  public static List<Path> expand(List<Path> filesOrFolders, List<ExperimentError> errors) {
    List<Path> files = new ArrayList<>();
    for (Path p : filesOrFolders) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          errors.add(
              ExperimentError.ofFile(
                  p,
                  "cannot list the folder: " + e.getMessage(),
                  "check the path and its permissions"));
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else if (Files.exists(p)) {
        errors.add(
            ExperimentError.ofFile(
                p,
                "not a regular file (a device, a pipe or a socket)",
                "give the path of an experiment file or a folder of them, e.g. experiments/"));
      } else {
        errors.add(
            ExperimentError.ofFile(
                p,
                "no such file or folder",
                "give the path of an experiment file or a folder of them, e.g. experiments/"));
      }
    }
    if (files.isEmpty() && errors.isEmpty()) {
      errors.add(
          ExperimentError.ofFile(
              filesOrFolders.isEmpty() ? Path.of(".") : filesOrFolders.get(0),
              "no experiment files (*.yaml) found",
              "give a file or a folder holding .yaml experiments"));
    }
    return files;
  }

  private static LoadedExperiment load(Path file, List<ExperimentError> errors) {
    String text = ExperimentText.read(file, errors);
    if (text == null) {
      return null;
    }
    Node root;
    try {
      ExperimentError shape = YamlShape.check(file, text, options());
      if (shape != null) {
        errors.add(shape);
        return null;
      }
      root = compose(text);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      errors.add(
          new ExperimentError(
              file,
              m == null ? 1 : m.getLine() + 1,
              m == null ? 1 : m.getColumn() + 1,
              "",
              "not valid YAML: " + e.getProblem(),
              fixFor(e.getProblem())));
      return null;
    } catch (RuntimeException e) {
      errors.add(
          ExperimentError.ofFile(
              file,
              "not valid YAML: " + e.getMessage(),
              "check the file is a single YAML document"));
      return null;
    }
    YamlBinder binder = new YamlBinder(file);
    Experiment experiment = binder.bindRoot(root, Experiment.class);
    if (experiment != null) {
      new ExperimentRules(experiment, binder).check();
    }
    List<ExperimentError> found = inFileOrder(binder.errors());
    errors.addAll(found.subList(0, Math.min(found.size(), Limits.MAX_ERRORS_PER_FILE)));
    if (found.size() > Limits.MAX_ERRORS_PER_FILE) {
      ExperimentError next = found.get(Limits.MAX_ERRORS_PER_FILE);
      errors.add(
          new ExperimentError(
              file,
              next.line(),
              next.column(),
              "",
              (found.size() - Limits.MAX_ERRORS_PER_FILE)
                  + " more errors from here on are not listed",
              "fix the ones above, then validate again"));
    }
    return binder.errors().isEmpty() ? new LoadedExperiment(experiment, file, text) : null;
  }

  /**
   * What the rules say of an experiment changed in code since it was loaded (a target override):
   * the same rules as for a file, each error located where its field, or the nearest field above
   * it, stands in the file as written. Empty when the changed experiment is valid.
   */
  static List<ExperimentError> recheck(LoadedExperiment changed) {
    YamlBinder binder = new YamlBinder(changed.file());
    binder.bindRoot(compose(changed.written()), Experiment.class); // where each field stands
    new ExperimentRules(changed.experiment(), binder).check();
    return inFileOrder(binder.errors());
  }

  private static List<ExperimentError> inFileOrder(List<ExperimentError> errors) {
    return errors.stream()
        .sorted(
            Comparator.comparingInt(ExperimentError::line)
                .thenComparingInt(ExperimentError::column))
        .toList();
  }

  private static String fixFor(String problem) {
    return problem != null && problem.contains("tag")
        ? "remove the tag; write a plain value"
        : "check the indentation and the quoting around this point";
  }

  /**
   * SnakeYAML's own limits, a step above {@link Limits} so that {@link YamlShape} refuses first,
   * with a location.
   */
  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(Limits.MAX_COLLECTION_ALIASES + 1);
    options.setNestingDepthLimit(Limits.MAX_NESTING_DEPTH + 1);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit(Limits.MAX_FILE_BYTES + 1);
    return options;
  }

  private static Node compose(String text) {
    Yaml yaml = new Yaml(new SafeConstructor(options()));
    List<Node> documents = new ArrayList<>();
    for (Node n : yaml.composeAll(new StringReader(text))) {
      documents.add(n);
    }
    if (documents.size() > 1) {
      Mark m = documents.get(1).getStartMark();
      throw new MarkedYAMLException(
          "", null, "one experiment per file; a second document starts here", m) {
        private static final long serialVersionUID = 1L;
      };
    }
    return documents.isEmpty() ? null : documents.get(0);
  }
}
