package dev.faultline.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Appends outcomes to the outcomes file in the fork, one JSON line each, through a buffered writer
 * behind a lock; flushed about once a second (so the harness can tail it), on close and on JVM
 * shutdown (so SIGTERM keeps what was recorded). Thread-safe.
 */
final class OutcomeRecorder implements AutoCloseable {

    private final BufferedWriter out;
    private final ScheduledExecutorService flusher;
    private final Thread shutdownFlush;
    private boolean closed;

    OutcomeRecorder(Path file) {
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the outcomes file " + file, e);
        }
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faultline-outcome-flusher");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
        shutdownFlush = new Thread(this::close, "faultline-outcome-final-flush");
        Runtime.getRuntime().addShutdownHook(shutdownFlush);
    }

    void append(RequestOutcome outcome) {
        String line;
        try {
            line = ForkFiles.JSON.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + outcome, e);
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the outcomes file", e);
            }
        }
    }

    synchronized void flush() {
        if (closed) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            System.err.println("faultline: cannot flush the outcomes file: " + e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                System.err.println("faultline: cannot close the outcomes file: " + e);
            }
        }
        flusher.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownFlush);
        } catch (IllegalStateException shuttingDown) {
            // close() is running from the hook itself
        }
    }
}
