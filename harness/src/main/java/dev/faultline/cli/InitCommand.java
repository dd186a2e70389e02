package dev.faultline.cli;

import dev.faultline.experiment.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline init}: writes a commented starter experiment for a service given its start
 * command or the URL it runs at, after the patterns of {@code examples/}; never over a file.
 */
@Command(
    name = "init",
    description =
        "Write a commented starter experiment for your service, given its start command or URL.")
final class InitCommand implements Callable<Integer> {

  /** The service: started by Faultline, or already running. */
  static final class Service {
    @Option(
        names = "--command",
        paramLabel = "<start command>",
        description =
            "The service's start command, one string split at spaces (quotes keep a part whole);"
                + " ${port} stands for the port Faultline picks, e.g. \"java -jar app.jar --port ${port}\".")
    String command;

    @Option(
        names = "--url",
        paramLabel = "<url>",
        description = "Where the service already runs, on loopback: http://127.0.0.1:PORT.")
    String url;
  }

  @ArgGroup(multiplicity = "1")
  Service service;

  @Option(
      names = "--health",
      defaultValue = "/actuator/health",
      paramLabel = "<path>",
      description = "A path the service answers 2xx on once it is up (default: ${DEFAULT-VALUE}).")
  String health;

  @Option(
      names = "--name",
      defaultValue = "my-service",
      description =
          "The experiment's name: lowercase letters, digits, dashes (default: ${DEFAULT-VALUE}).")
  String name;

  @Parameters(
      arity = "0..1",
      defaultValue = "faultline-experiment.yaml",
      paramLabel = "<file>",
      description = "The file to write (default: ${DEFAULT-VALUE}); an existing one is kept.")
  Path file;

  @Override
  public Integer call() {
    String problem = problem();
    if (problem != null) {
      System.err.println("faultline init: " + problem);
      return FaultlineCli.INVALID;
    }
    try {
      Files.writeString(file, starter(), StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      System.err.println(
          "faultline init: "
              + file
              + " already exists; init never overwrites a file.\n"
              + "fix: give another file name (faultline init ... other.yaml), or move that one away");
      return FaultlineCli.INVALID;
    } catch (IOException e) {
      System.err.println("faultline init: cannot write " + file + ": " + e.getMessage());
      return FaultlineCli.INFRASTRUCTURE;
    }
    System.out.println("faultline init: wrote " + file + ", a starter experiment for " + what());
    System.out.println("next: faultline validate " + file + ", then faultline run " + file);
    return 0;
  }

  /** What is wrong with the options, with its fix line; null when nothing is. */
  private String problem() {
    if (service.url != null && Limits.loopbackUrlProblem(service.url) != null) {
      return "--url: "
          + Limits.loopbackUrlProblem(service.url)
          + "\nfix: give the URL the service listens on on this machine, e.g. http://127.0.0.1:8080";
    }
    if (service.command != null && words(service.command).isEmpty()) {
      return "--command is empty\nfix: give the command that starts the service, e.g. \"java -jar app.jar\"";
    }
    if (!health.startsWith("/") || health.chars().anyMatch(Character::isWhitespace)) {
      return "--health: \"" + health + "\" is not a path\nfix: give a path such as /health";
    }
    if (!name.matches("[a-z0-9][a-z0-9-]{0,79}")) {
      return "--name: \""
          + name
          + "\" is not a name\nfix: use lowercase letters, digits and dashes, e.g. orders-service";
    }
    return null;
  }

  private String what() {
    return service.command != null
        ? "the service started by: " + service.command
        : "the service at " + service.url;
  }

  /** The template with this service's values, its lines for the other kind of service left out. */
  String starter() {
    Path schema = FaultlineCli.home().resolve("experiments/experiment.schema.json");
    StringBuilder out = new StringBuilder();
    for (String line : template().split("\n")) {
      String kind = line.startsWith("?") ? line.substring(1, line.indexOf(' ')) : "";
      boolean kept =
          switch (kind) {
            case "" -> true;
            case "command" -> service.command != null;
            case "url" -> service.url != null;
            default -> Files.isRegularFile(schema);
          };
      if (kept) {
        out.append(kind.isEmpty() ? line : line.substring(kind.length() + 2)).append('\n');
      }
    }
    return out.toString()
        .replace("@SCHEMA@", schema.toString())
        .replace("@WHAT@", what())
        .replace("@FILE@", file.toString())
        .replace("@NAME@", name)
        .replace("@COMMAND@", service.command == null ? "" : yamlList(words(service.command)))
        .replace("@URL@", service.url == null ? "" : service.url)
        .replace("@HEALTH@", health);
  }

  private static String template() {
    try (InputStream in = InitCommand.class.getResourceAsStream("starter.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A command line's words: split at blanks, single or double quotes keeping a part whole. */
  static List<String> words(String commandLine) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : commandLine.toCharArray()) {
      if (quote == 0 && Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (c == quote) {
        quote = 0;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  /** Each word as a double-quoted YAML string, so no word is read as a number or a flow item. */
  private static String yamlList(List<String> words) {
    return words.stream()
        .map(w -> "\"" + w.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(", "));
  }
}
