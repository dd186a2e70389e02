package dev.faultline.proxy.internal;

import java.util.List;

/** Toxiproxy's proxy metrics in the Prometheus text format (version 0.0.4). */
final class MetricsText {
  private MetricsText() {}

  static String render(List<ProxyInstance> proxies) {
    StringBuilder text = new StringBuilder();
    family(text, "toxiproxy_proxy_received_bytes_total", "The total bytes received", proxies, true);
    family(text, "toxiproxy_proxy_sent_bytes_total", "The total bytes sent", proxies, false);
    return text.toString();
  }

  private static void family(
      StringBuilder text,
      String metric,
      String help,
      List<ProxyInstance> proxies,
      boolean received) {
    text.append("# HELP ").append(metric).append(' ').append(help).append('\n');
    text.append("# TYPE ").append(metric).append(" counter\n");
    for (ProxyInstance proxy : proxies) {
      for (StreamDirection direction : StreamDirection.values()) {
        long value =
            received
                ? proxy.traffic().received(direction).sum()
                : proxy.traffic().sent(direction).sum();
        text.append(metric)
            .append("{direction=\"")
            .append(direction.wireName())
            .append("\",listener=\"")
            .append(escape(proxy.listen()))
            .append("\",proxy=\"")
            .append(escape(proxy.name()))
            .append("\",upstream=\"")
            .append(escape(proxy.upstream()))
            .append("\"} ")
            .append(value)
            .append('\n');
      }
    }
  }

  private static String escape(String label) {
    return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
