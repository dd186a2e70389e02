package dev.faultline.proxy.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * All proxies of one server by name, with Toxiproxy's collection semantics (create, show, update,
 * delete, populate, reset). Every operation holds this object's lock; thread-safe.
 */
final class ProxyRegistry implements AutoCloseable {
  private final DataPlane dataPlane;
  private final long seed;
  private final ListenScope scope;
  private final Map<String, ProxyInstance> proxies = new TreeMap<>();

  ProxyRegistry(DataPlane dataPlane, long seed, ListenScope scope) {
    this.dataPlane = dataPlane;
    this.seed = seed;
    this.scope = scope;
  }

  synchronized List<ProxyInstance> all() {
    return List.copyOf(proxies.values());
  }

  synchronized ProxyInstance get(String name) {
    ProxyInstance proxy = proxies.get(name);
    if (proxy == null) {
      throw ApiException.proxyNotFound();
    }
    return proxy;
  }

  synchronized ProxyInstance create(ProxyRequest request) {
    if (proxies.containsKey(request.name())) {
      throw ApiException.proxyAlreadyExists();
    }
    request.validateAddresses(scope);
    return addStarted(request);
  }

  private ProxyInstance addStarted(ProxyRequest request) {
    ProxyInstance proxy =
        new ProxyInstance(
            request.name(), request.listen(), request.upstream(), dataPlane, seed, scope);
    if (request.enabled()) {
      proxy.start();
    }
    proxies.put(request.name(), proxy);
    return proxy;
  }

  synchronized void delete(String name) {
    get(name).stop();
    proxies.remove(name);
  }

  /** Validates every entry first, then creates or replaces; an unchanged proxy is kept as is. */
  synchronized List<ProxyInstance> populate(List<ProxyRequest> requests) {
    Set<String> names = new HashSet<>();
    for (ProxyRequest request : requests) {
      if (!names.add(request.name())) {
        throw ApiException.badRequest("duplicate proxy name \"" + request.name() + "\"");
      }
      if (request.enabled()) {
        request.validateAddresses(scope);
      }
    }
    List<ProxyInstance> result = new ArrayList<>();
    for (ProxyRequest request : requests) {
      ProxyInstance existing = proxies.get(request.name());
      if (existing != null
          && existing.listen().equals(request.listen())
          && existing.upstream().equals(request.upstream())) {
        result.add(existing);
        continue;
      }
      if (existing != null) {
        existing.stop();
        proxies.remove(request.name());
      }
      result.add(addStarted(request));
    }
    return result;
  }

  /** Re-enables every proxy and removes every toxic. */
  synchronized void reset() {
    for (ProxyInstance proxy : proxies.values()) {
      proxy.start();
      proxy.toxics().clear();
    }
  }

  @Override
  public synchronized void close() {
    proxies.values().forEach(ProxyInstance::stop);
    proxies.clear();
  }
}
