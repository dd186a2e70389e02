package dev.faultline.experiment.internal;

import dev.faultline.experiment.ExperimentError;
import dev.faultline.experiment.Limits;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The shape limits of a YAML text, checked on the parser's events before a node tree is composed,
 * so each refusal points at the line that crosses it: nesting depth, aliases to maps and lists (an
 * alias bomb multiplies through them), an alias inside the collection it names (a cycle), the
 * length of one value and the number of values. Syntax errors are left to the composer, which
 * locates them. Stateless.
 */
public final class YamlShape {

  private enum Anchored {
    SCALAR,
    OPEN_COLLECTION,
    COLLECTION
  }

  private final Path file;
  private final Map<String, Anchored> anchors = new HashMap<>();
  private final ArrayDeque<String> open = new ArrayDeque<>();
  private int collectionAliases;
  private int values;

  private YamlShape(Path file) {
    this.file = file;
  }

  /** The first limit {@code text} crosses, located, or null. */
  public static ExperimentError check(Path file, String text, LoaderOptions options) {
    YamlShape shape = new YamlShape(file);
    for (Event event : new Yaml(options).parse(new StringReader(text))) {
      ExperimentError error = shape.next(event);
      if (error != null) {
        return error;
      }
    }
    return null;
  }

  private ExperimentError next(Event event) {
    if ((event instanceof CollectionStartEvent
            || event instanceof ScalarEvent
            || event instanceof AliasEvent)
        && ++values > Limits.MAX_VALUES) {
      return at(
          event,
          "the file holds more than " + Limits.MAX_VALUES + " values (keys, items and texts)",
          "an experiment needs a few hundred at most: keep only the experiment in the file");
    }
    if (event instanceof CollectionStartEvent start) {
      if (open.size() >= Limits.MAX_NESTING_DEPTH) {
        return at(
            event,
            "maps and lists nest more than " + Limits.MAX_NESTING_DEPTH + " deep here",
            "flatten the structure: an experiment needs a few levels, the catalog at most 6");
      }
      open.push(start.getAnchor() == null ? "" : start.getAnchor());
      anchor(start.getAnchor(), Anchored.OPEN_COLLECTION);
    } else if (event instanceof CollectionEndEvent) {
      String anchor = open.pop();
      anchor(anchor.isEmpty() ? null : anchor, Anchored.COLLECTION);
    } else if (event instanceof AliasEvent alias) {
      return alias(alias);
    } else if (event instanceof ScalarEvent scalar) {
      if (scalar.getValue().length() > Limits.MAX_SCALAR_CHARS) {
        return at(
            event,
            "the value is "
                + scalar.getValue().length()
                + " characters long; a value is at most "
                + Limits.MAX_SCALAR_CHARS,
            "shorten it: an experiment holds names, numbers and short texts");
      }
      anchor(scalar.getAnchor(), Anchored.SCALAR);
    }
    return null;
  }

  private ExperimentError alias(AliasEvent alias) {
    Anchored target = anchors.get(alias.getAnchor());
    if (target == Anchored.OPEN_COLLECTION) {
      return at(
          alias,
          "the alias *"
              + alias.getAnchor()
              + " is inside the collection it names: the value would contain itself",
          "remove the alias, or write the value out");
    }
    if (target == Anchored.COLLECTION && ++collectionAliases > Limits.MAX_COLLECTION_ALIASES) {
      return at(
          alias,
          "more than "
              + Limits.MAX_COLLECTION_ALIASES
              + " aliases point at maps or lists (each one copies what it names)",
          "write the values out, or use fewer aliases");
    }
    return null;
  }

  private void anchor(String name, Anchored what) {
    if (name != null) {
      anchors.put(name, what);
    }
  }

  private ExperimentError at(Event event, String message, String fix) {
    Mark mark = event.getStartMark();
    return new ExperimentError(file, mark.getLine() + 1, mark.getColumn() + 1, "", message, fix);
  }
}
