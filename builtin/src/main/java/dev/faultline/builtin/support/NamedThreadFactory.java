package dev.faultline.builtin.support;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates daemon threads named {@code prefix-N}, so that a thread dump shows which service owns a
 * thread. A thread killed by an uncaught throwable is logged in one line, without the stack: a
 * killed worker is an expected event here, not a crash report.
 *
 * <p>Thread-safe.
 */
public final class NamedThreadFactory implements ThreadFactory {

  private static final Logger LOG = LoggerFactory.getLogger(NamedThreadFactory.class);

  private final String prefix;
  private final AtomicInteger sequence = new AtomicInteger();

  /**
   * @param prefix the thread name before {@code -N}, e.g. {@code batch-worker}
   */
  public NamedThreadFactory(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, prefix + "-" + sequence.incrementAndGet());
    thread.setDaemon(true);
    thread.setUncaughtExceptionHandler(
        (t, e) -> LOG.info("Thread {} died: {}", t.getName(), e.toString()));
    return thread;
  }
}
