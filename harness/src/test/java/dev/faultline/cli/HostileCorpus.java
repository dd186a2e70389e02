package dev.faultline.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hostile-input corpus: every {@link HostileMutations mutation} applied to catalog experiments
 * (a rotating choice of those it applies to), plus size bombs and file-level paths, each written to
 * a file with what validate must answer.
 */
final class HostileCorpus {

  /**
   * One file of the corpus and the answer expected: refused on {@code line} (to {@code line +
   * slack}) with {@code message}, or accepted.
   */
  record Mutant(String family, String name, Path file, int line, int slack, String message) {
    boolean accepted() {
      return message == null;
    }
  }

  static final String TOO_LARGE = "an experiment file is at most 1048576 bytes (1 MiB)";

  private HostileCorpus() {}

  static List<Mutant> generate(Path catalog, Path dir) throws IOException {
    List<Path> bases;
    try (Stream<Path> s = Files.list(catalog)) {
      bases = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    List<Mutant> corpus = new ArrayList<>();
    List<Mutation> mutations = HostileMutations.all();
    for (int i = 0; i < mutations.size(); i++) {
      corpus.addAll(apply(mutations.get(i), bases, 3 * i, dir));
    }
    corpus.addAll(sizeBombs(bases.get(0), dir));
    corpus.addAll(paths(dir));
    return corpus;
  }

  private static List<Mutant> apply(Mutation m, List<Path> bases, int offset, Path dir)
      throws IOException {
    List<Mutant> out = new ArrayList<>();
    for (int k = 0; k < bases.size() && out.size() < m.bases(); k++) {
      Path base = bases.get((offset + k) % bases.size());
      Mutation.Mutated mutated = m.how().apply(Files.readString(base));
      if (mutated == null) {
        continue;
      }
      Path file =
          Files.createDirectories(dir.resolve(m.family()))
              .resolve(m.name() + "--" + base.getFileName());
      Files.write(file, mutated.bytes());
      out.add(new Mutant(m.family(), m.name(), file, mutated.line(), m.slack(), m.message()));
    }
    if (out.isEmpty()) {
      throw new IllegalStateException(
          "mutation " + m.family() + "/" + m.name() + " applies to no catalog file");
    }
    return out;
  }

  /**
   * 50 MB of one scalar, 50 MB of comments, one byte over the bound, and a file just under it
   * (accepted).
   */
  private static List<Mutant> sizeBombs(Path base, Path dir) throws IOException {
    Path bombs = Files.createDirectories(dir.resolve("size"));
    String text = Files.readString(base);
    Path scalar = bombs.resolve("one-50mb-scalar.yaml");
    try (BufferedWriter w = Files.newBufferedWriter(scalar, StandardCharsets.UTF_8)) {
      w.write("name: x\ndescription: ");
      char[] chunk = "a".repeat(1 << 16).toCharArray();
      for (int i = 0; i < 50_000_000 / chunk.length; i++) {
        w.write(chunk);
      }
    }
    Path comments = bombs.resolve("50mb-of-comments.yaml");
    writeWithComments(comments, text, 50_000_000);
    Path over = bombs.resolve("one-byte-over.yaml");
    int textBytes = text.getBytes(StandardCharsets.UTF_8).length;
    writeWithComments(over, text, 1024 * 1024 + 1 - textBytes);
    Path under = bombs.resolve("just-under-1mib-of-comments.yaml");
    writeWithComments(under, text, 1024 * 1024 - 100 - textBytes);
    return List.of(
        new Mutant(
            "size",
            "one-50mb-scalar",
            scalar,
            1,
            0,
            "the file is " + Files.size(scalar) + " bytes; " + TOO_LARGE),
        new Mutant(
            "size",
            "50mb-of-comments",
            comments,
            1,
            0,
            "the file is " + Files.size(comments) + " bytes; " + TOO_LARGE),
        new Mutant("size", "one-byte-over", over, 1, 0, "the file is 1048577 bytes; " + TOO_LARGE),
        new Mutant("size", "just-under-1mib-of-comments", under, 0, 0, null));
  }

  private static void writeWithComments(Path file, String text, long bytes) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(text);
      long left = bytes;
      String line = "#" + "c".repeat(78) + "\n";
      while (left >= line.length()) {
        w.write(line);
        left -= line.length();
      }
      w.write("#".repeat((int) Math.max(0, left - 1)) + (left > 0 ? "\n" : ""));
    }
  }

  /** File-level paths: nothing there, a device, an empty file, a folder with no experiments. */
  private static List<Mutant> paths(Path dir) {
    try {
      Path folder = Files.createDirectories(dir.resolve("paths"));
      Path empty = Files.writeString(folder.resolve("empty.yaml"), "");
      Path onlyComments =
          Files.writeString(folder.resolve("only-comments.yaml"), "# nothing here\n# at all\n");
      Path noExperiments = Files.createDirectories(folder.resolve("no-experiments"));
      return List.of(
          new Mutant(
              "paths",
              "missing-file",
              folder.resolve("nosuch.yaml"),
              1,
              0,
              "no such file or folder"),
          new Mutant(
              "paths",
              "device",
              Path.of("/dev/null"),
              1,
              0,
              "not a regular file (a device, a pipe or a socket)"),
          new Mutant("paths", "empty-file", empty, 1, 0, "the file is empty"),
          new Mutant("paths", "only-comments", onlyComments, 1, 0, "the file is empty"),
          new Mutant(
              "paths",
              "folder-without-experiments",
              noExperiments,
              1,
              0,
              "no experiment files (*.yaml) found"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
