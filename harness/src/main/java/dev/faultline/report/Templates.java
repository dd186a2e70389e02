package dev.faultline.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The report pages' Mustache templates, compiled once. Every value reaches the page through {@code
 * {{ }}}, which HTML-escapes it; the templates never use the unescaped triple mustache.
 */
final class Templates {

  /** Compiled templates are immutable and thread-safe; the factory's cache is concurrent. */
  private static final MustacheFactory FACTORY = new DefaultMustacheFactory("dev/faultline/report");

  private Templates() {}

  static Path render(String template, Object view, Path file) {
    Mustache mustache = FACTORY.compile(template);
    return ReportFiles.write(
        file,
        out -> {
          try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            mustache.execute(writer, view);
          }
        });
  }
}
