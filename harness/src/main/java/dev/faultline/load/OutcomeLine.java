package dev.faultline.load;

/**
 * One {@link RequestOutcome} as the JSON line the outcomes file holds, written by hand: the fork
 * writes one for every request, and a general-purpose JSON writer cost about a tenth of the load
 * fork's CPU. The same text Jackson writes for the record (a test keeps them equal), so {@link
 * ForkFiles#JSON} reads it back. Stateless.
 */
final class OutcomeLine {

  private OutcomeLine() {}

  static String of(RequestOutcome o) {
    StringBuilder line = new StringBuilder(160);
    line.append("{\"step\":");
    string(line, o.step());
    line.append(",\"opId\":");
    string(line, o.opId());
    line.append(",\"startMillis\":").append(o.startMillis());
    line.append(",\"latencyMicros\":").append(o.latencyMicros());
    line.append(",\"status\":").append(o.status());
    line.append(",\"outcome\":");
    string(line, o.outcome() == null ? null : o.outcome().name());
    line.append(",\"error\":");
    string(line, o.error());
    return line.append('}').toString();
  }

  private static void string(StringBuilder line, String s) {
    if (s == null) {
      line.append("null");
      return;
    }
    line.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> line.append("\\\"");
        case '\\' -> line.append("\\\\");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        case '\b' -> line.append("\\b");
        case '\f' -> line.append("\\f");
        default -> {
          if (c < 0x20) {
            line.append(String.format("\\u%04X", (int) c));
          } else {
            line.append(c);
          }
        }
      }
    }
    line.append('"');
  }
}
