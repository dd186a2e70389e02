package dev.faultline.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the request count from the console summary a Gatling fork printed. Stateless. */
final class GatlingSummary {

  /** "> request count | 8,432 | 8,432 | -" (Total, OK, KO). */
  private static final Pattern REQUEST_COUNT =
      Pattern.compile("^> request count\\s*\\|\\s*([\\d,]+)\\s*\\|", Pattern.MULTILINE);

  private GatlingSummary() {}

  /** Every request Gatling counted, OK or not; throws when the log holds no summary. */
  static long requestCount(Path gatlingLog) {
    String log;
    try {
      log = Files.readString(gatlingLog);
    } catch (IOException e) {
      throw new LoadException("cannot read the Gatling log " + gatlingLog + ": " + e, e);
    }
    Matcher m = REQUEST_COUNT.matcher(log);
    if (!m.find()) {
      throw new LoadException(
          "the Gatling log " + gatlingLog + " holds no summary (\"> request count\"): see it");
    }
    return Long.parseLong(m.group(1).replace(",", ""));
  }
}
