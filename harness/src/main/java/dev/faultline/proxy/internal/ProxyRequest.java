package dev.faultline.proxy.internal;

/** A proxy as a client asked for it in {@code POST /proxies} or {@code /populate}. */
record ProxyRequest(String name, String listen, String upstream, boolean enabled) {

  ProxyRequest {
    if (name == null || name.isEmpty()) {
      throw ApiException.missingField("name");
    }
    if (upstream == null || upstream.isEmpty()) {
      throw ApiException.missingField("upstream");
    }
    if (listen == null || listen.isEmpty()) {
      listen = "127.0.0.1:0";
    }
  }

  void validateAddresses(ListenScope scope) {
    scope.check(listen);
    HostPort.parse("upstream", upstream);
  }
}
