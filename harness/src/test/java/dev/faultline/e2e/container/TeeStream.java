package dev.faultline.e2e.container;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/** Writes to a buffer the test reads (under the buffer's lock) and to the console. */
final class TeeStream extends OutputStream {

  private final ByteArrayOutputStream buffer;
  private final PrintStream console;

  TeeStream(ByteArrayOutputStream buffer, PrintStream console) {
    this.buffer = buffer;
    this.console = console;
  }

  @Override
  public void write(int b) {
    synchronized (buffer) {
      buffer.write(b);
    }
    console.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    synchronized (buffer) {
      buffer.write(b, off, len);
    }
    console.write(b, off, len);
  }
}
