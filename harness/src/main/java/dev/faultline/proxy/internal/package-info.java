/**
 * Implementation of the embedded Toxiproxy-compatible server: the HTTP control API, the proxy
 * registry, and the Netty data plane with its per-connection toxic chains.
 *
 * <p>Nothing here is API. Callers use {@link dev.faultline.proxy.ToxiproxyServer}.
 */
package dev.faultline.proxy.internal;
