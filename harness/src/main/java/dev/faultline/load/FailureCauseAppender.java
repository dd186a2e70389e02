package dev.faultline.load;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logback appender of the fork (not API) that captures why a request failed. Gatling's Java DSL
 * gives a simulation only "the session failed"; the reason (for example {@code
 * AnnotatedConnectException: Connection refused}) reaches only its stats engine and the DEBUG log
 * line {@code "Request '{}' failed for user {}: {}"} of {@code
 * io.gatling.http.engine.response.DefaultStatsProcessor}, written synchronously before the user's
 * next action runs. This appender keeps the last cause per virtual user until {@link #takeCause}
 * claims it. Thread-safe.
 */
public final class FailureCauseAppender extends AppenderBase<ILoggingEvent> {

  static final String FAILED_REQUEST_FORMAT = "Request '{}' failed for user {}: {}";

  private static final Map<Long, String> CAUSE_BY_USER = new ConcurrentHashMap<>();

  @Override
  protected void append(ILoggingEvent event) {
    Object[] args = event.getArgumentArray();
    if (FAILED_REQUEST_FORMAT.equals(event.getMessage())
        && args != null
        && args.length == 3
        && args[1] instanceof Long user) {
      CAUSE_BY_USER.put(user, String.valueOf(args[2]));
    }
  }

  /** Removes and returns the cause Gatling logged for the user's last failed request, or null. */
  static String takeCause(long userId) {
    return CAUSE_BY_USER.remove(userId);
  }
}
