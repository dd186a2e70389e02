/**
 * The embedded Toxiproxy-compatible server: Toxiproxy 2.x's HTTP API and TCP proxies with its
 * toxics, so a run needs neither Docker nor a Go binary, and the harness drives it — or a real
 * Toxiproxy — only through the official Java client.
 *
 * <p>Entry points: {@link dev.faultline.proxy.ToxiproxyServer} (start, serve, close) and {@link
 * dev.faultline.proxy.ProxyBenchmark} (latency, throughput and toxic accuracy beside a direct
 * connection). Everything else lives in {@code dev.faultline.proxy.internal}.
 */
package dev.faultline.proxy;
