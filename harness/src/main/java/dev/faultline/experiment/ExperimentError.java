package dev.faultline.experiment;

import java.nio.file.Path;

/**
 * One thing wrong with an experiment file: where (file:line:column and the field's path), what,
 * and how to fix it.
 */
public record ExperimentError(Path file, int line, int column, String field, String message, String fix) {

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(file).append(':').append(line).append(':').append(column).append(": ");
        if (field != null && !field.isEmpty()) {
            s.append(field).append(": ");
        }
        s.append(message);
        if (fix != null && !fix.isEmpty()) {
            s.append("\n    fix: ").append(fix);
        }
        return s.toString();
    }
}
