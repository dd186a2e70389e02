package dev.faultline.run;

import dev.faultline.InfrastructureException;
import dev.faultline.container.ContainerSession;
import dev.faultline.container.ContainerToxiproxy;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.Launch;
import dev.faultline.experiment.Placeholders;
import dev.faultline.experiment.ProxySpec;
import dev.faultline.experiment.TargetSpec;
import dev.faultline.experiment.Wiring;
import dev.faultline.launch.ContainerControl;
import dev.faultline.launch.Target;
import dev.faultline.launch.TargetLaunch;
import dev.faultline.launch.Targets;
import dev.faultline.proxy.ToxiproxyServer;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The targets and proxies of one run, started in dependency order (a target after the ones it
 * calls, each call through its own proxy, and after the targets and proxies its placeholders name,
 * see {@link Wiring}), independent targets in parallel. {@link #close()} stops all of it, on every
 * path. Thread-safe after {@link #provision}.
 *
 * <p>When a target has {@code launch: container}, the run gets a {@link ContainerSession}: the
 * targets and a Toxiproxy container share its network, proxies forward to {@code <target>:8080}
 * there, and containers call each other through {@code faultline-toxiproxy:<port>}.
 */
final class Deployment implements AutoCloseable {

  private final Map<String, Target> targets = new LinkedHashMap<>();
  private final Map<String, URI> proxies = new LinkedHashMap<>();
  private final List<Proxy> createdProxies = new ArrayList<>();
  private ToxiproxyServer embedded;
  private ToxiproxyClient toxiproxy;
  private URI toxiproxyApi;
  private String proxyHost = "127.0.0.1";
  private ContainerSession containers;
  private ContainerToxiproxy containerProxy;
  private final Map<String, String> listens = new LinkedHashMap<>();

  private Deployment() {}

  /** Starts everything the experiment declares; on failure stops what was started and rethrows. */
  static Deployment provision(
      Experiment e, Path runFolder, Path home, RunJournal journal, Console console) {
    DeploymentRules.requireLoopback(e);
    Deployment d = new Deployment();
    try {
      d.openContainers(e, runFolder, journal, console);
      d.startProxyServer(e, journal, console);
      d.startTargets(e, runFolder, home, journal, console);
      e.proxies().keySet().forEach(p -> d.ensureProxy(e, p, journal));
      return d;
    } catch (RuntimeException ex) {
      d.close();
      throw ex;
    }
  }

  /**
   * Container mode: any target with launch: container. Proxies then live on the containers'
   * network, so all targets must be containers.
   */
  private void openContainers(Experiment e, Path runFolder, RunJournal journal, Console console) {
    List<String> inContainers =
        e.targets().entrySet().stream()
            .filter(t -> t.getValue().launch() == Launch.CONTAINER)
            .map(Map.Entry::getKey)
            .toList();
    if (inContainers.isEmpty()) {
      return;
    }
    List<String> outside =
        e.targets().keySet().stream().filter(t -> !inContainers.contains(t)).toList();
    if (DeploymentRules.proxiesNeeded(e) && (!outside.isEmpty() || e.toxiproxy() != null)) {
      throw new InfrastructureException(
          "targets "
              + String.join(", ", inContainers)
              + " run in containers, so the run's proxies do too, and they cannot reach "
              + (outside.isEmpty() ? "the external toxiproxy" : String.join(", ", outside))
              + " on the host; give every target launch: container "
              + "(./faultline run --launch container does so for built-in targets) and drop the toxiproxy section");
    }
    containers = ContainerSession.open(runFolder.getFileName().toString());
    containers
        .swept()
        .forEach(
            s ->
                journal.record(
                    "container",
                    "sweep",
                    "removed " + s + " left behind by a harness that is gone"));
    journal.record(
        "container",
        containers.networkName(),
        "Docker network " + containers.networkName() + " for " + String.join(", ", inContainers));
    console.say(e.name(), "container mode: network " + containers.networkName());
  }

  private void startProxyServer(Experiment e, RunJournal journal, Console console) {
    if (!DeploymentRules.proxiesNeeded(e)) {
      return;
    }
    if (containers != null) {
      containerProxy = containers.startToxiproxy();
      toxiproxy = containerProxy.client();
      toxiproxyApi = containerProxy.apiUrl();
      journal.record(
          "proxy",
          "toxiproxy",
          "Toxiproxy container " + containerProxy.image() + " at " + containerProxy.apiUrl());
      console.say(
          e.name(),
          "Toxiproxy container (" + containerProxy.image() + ") API at " + containerProxy.apiUrl());
      return;
    }
    if (e.toxiproxy() != null) {
      URI api = URI.create(e.toxiproxy().url());
      toxiproxy = new ToxiproxyClient(api.getHost(), api.getPort());
      toxiproxyApi = api;
      proxyHost = e.toxiproxy().listenHost();
      try {
        journal.record(
            "proxy",
            "toxiproxy",
            "using the Toxiproxy at " + api + " (version " + toxiproxy.version() + ")");
      } catch (IOException ex) {
        throw new InfrastructureException(
            "no Toxiproxy answers at "
                + api
                + ": "
                + ex.getMessage()
                + "; start it, or remove the toxiproxy section to use the embedded one",
            ex);
      }
      return;
    }
    embedded = ToxiproxyServer.start("127.0.0.1", 0, e.seed());
    toxiproxy = new ToxiproxyClient("127.0.0.1", embedded.port());
    toxiproxyApi = URI.create("http://127.0.0.1:" + embedded.port());
    journal.record(
        "proxy", "toxiproxy", "embedded Toxiproxy-compatible server at " + embedded.url());
    console.say(e.name(), "embedded Toxiproxy API at " + embedded.url());
  }

  private void startTargets(
      Experiment e, Path runFolder, Path home, RunJournal journal, Console console) {
    Set<String> started = new HashSet<>();
    while (started.size() < e.targets().size()) {
      List<String> ready =
          e.targets().keySet().stream()
              .filter(t -> !started.contains(t) && started.containsAll(Wiring.startsAfter(e, t)))
              .toList();
      if (ready.isEmpty()) {
        // validate refuses a cycle; this guards a model built without the loader
        throw new InfrastructureException(
            "the targets wait for each other to start: " + String.join(" → ", Wiring.cycle(e)));
      }
      Map<String, CompletableFuture<Target>> level = new LinkedHashMap<>();
      for (String name : ready) {
        TargetSpec spec = wired(e, name, journal);
        Map<String, String> extra = callProperties(e, name, spec, journal);
        console.say(
            e.name(), "starting target " + name + " (" + DeploymentRules.describe(spec) + ")");
        level.put(
            name,
            CompletableFuture.supplyAsync(
                () ->
                    Targets.start(
                        name, spec, new TargetLaunch(runFolder, home, extra, containers))));
      }
      RuntimeException failure = null;
      for (Map.Entry<String, CompletableFuture<Target>> f : level.entrySet()) {
        try {
          Target t = f.getValue().join();
          targets.put(f.getKey(), t);
          journal.record(
              "target",
              f.getKey(),
              "healthy at "
                  + t.baseUrl()
                  + t.process().map(p -> " (pid " + p.pid() + ")").orElse(""));
          console.say(e.name(), "target " + f.getKey() + " healthy at " + t.baseUrl());
        } catch (CompletionException ex) {
          failure =
              ex.getCause() instanceof RuntimeException r
                  ? r
                  : new InfrastructureException(ex.getMessage(), ex);
          journal.record("error", f.getKey(), failure.getMessage());
        }
        started.add(f.getKey());
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  /**
   * The target's spec with ${url:NAME}, ${host:NAME}, ${port:NAME} resolved; the proxies it names
   * are created first.
   */
  private TargetSpec wired(Experiment e, String name, RunJournal journal) {
    TargetSpec spec = e.targets().get(name);
    if (Placeholders.namedIn(spec).isEmpty()) {
      return spec;
    }
    boolean inContainer = spec.launch() == Launch.CONTAINER;
    TargetSpec resolved =
        Placeholders.resolve(
            spec,
            r ->
                r.ownPort()
                    ? null
                    : DeploymentRules.placeholderValue(
                        addressFor(e, r.name(), inContainer, journal), r.kind()));
    Placeholders.namedIn(spec)
        .forEach(
            n ->
                journal.record(
                    "target",
                    name,
                    "wired to " + n + " at " + addressFor(e, n, inContainer, journal)));
    return resolved;
  }

  /**
   * Where {@code referrer} reaches a target or proxy: from the host, or from the containers'
   * network.
   */
  private URI addressFor(
      Experiment e, String targetOrProxy, boolean inContainer, RunJournal journal) {
    Target t = targets.get(targetOrProxy);
    if (t != null) {
      return inContainer && t instanceof ContainerControl c
          ? URI.create("http://" + c.networkAddress())
          : t.baseUrl();
    }
    ensureProxy(e, targetOrProxy, journal);
    return inContainer
        ? containerProxy.fromNetwork(listens.get(targetOrProxy))
        : proxies.get(targetOrProxy);
  }

  /**
   * Creates the proxy (declared, or made for a calls link) unless it exists; its upstream is
   * already healthy.
   */
  private void ensureProxy(Experiment e, String proxy, RunJournal journal) {
    if (listens.containsKey(proxy)) {
      return;
    }
    ProxySpec declared = e.proxies().get(proxy);
    String upstream = Wiring.proxyUpstreams(e).get(proxy);
    createProxy(
        proxy,
        declared != null ? declared.listen() : "127.0.0.1:0",
        targets.get(upstream),
        journal);
  }

  /** Creates a proxy per call of {@code caller} and tells the caller where they are. */
  private Map<String, String> callProperties(
      Experiment e, String caller, TargetSpec spec, RunJournal journal) {
    Map<String, String> props = new LinkedHashMap<>();
    List<String> urls = new ArrayList<>();
    for (String callee : spec.calls()) {
      String proxy = caller + "->" + callee;
      ensureProxy(e, proxy, journal);
      URI via =
          spec.launch() == Launch.CONTAINER
              ? containerProxy.fromNetwork(listens.get(proxy))
              : proxies.get(proxy);
      urls.add(via.toString());
      props.put("faultline.calls." + callee, via.toString());
    }
    if (!urls.isEmpty() && "aggregator".equals(spec.builtin())) {
      props.put("faultline.aggregator.downstreams", String.join(",", urls));
    }
    return props;
  }

  /** Creates a proxy in front of {@code target}; returns where the host reaches it. */
  private URI createProxy(String name, String listen, Target target, RunJournal journal) {
    String upstream =
        target instanceof ContainerControl c
            ? c.networkAddress()
            : target.baseUrl().getHost() + ":" + target.baseUrl().getPort();
    if (containerProxy != null) {
      listen = containerProxy.nextListen(name);
    }
    try {
      Proxy p = toxiproxy.createProxy(ProxySpec.apiName(name), listen, upstream);
      createdProxies.add(p);
      String actual = p.getListen();
      listens.put(name, actual);
      URI via =
          containerProxy != null
              ? containerProxy.fromHost(actual)
              : URI.create(
                  "http://" + proxyHost + ":" + actual.substring(actual.lastIndexOf(':') + 1));
      proxies.put(name, via);
      journal.record(
          "proxy", name, "proxy " + name + " listens at " + actual + ", forwards to " + upstream);
      return via;
    } catch (IOException ex) {
      throw new InfrastructureException(
          "proxy " + name + ": Toxiproxy refused to create it: " + ex.getMessage(), ex);
    }
  }

  /** The targets, by name. */
  Map<String, Target> targets() {
    return targets;
  }

  /**
   * What each loopback address of the run is, by {@code host:port}: "proxy quote->downstream",
   * "target downstream"; for reading a profile's socket addresses.
   */
  Map<String, String> addressNames() {
    Map<String, String> names = new LinkedHashMap<>();
    targets.forEach(
        (name, t) ->
            names.put(t.baseUrl().getHost() + ":" + t.baseUrl().getPort(), "target " + name));
    proxies.forEach((name, uri) -> names.put(uri.getHost() + ":" + uri.getPort(), "proxy " + name));
    return names;
  }

  /** Where load aimed at a target or a proxy goes. */
  URI addressOf(String targetOrProxy) {
    URI proxy = proxies.get(targetOrProxy);
    return proxy != null ? proxy : targets.get(targetOrProxy).baseUrl();
  }

  /** The Toxiproxy client of this run, or null when the experiment has no proxies. */
  ToxiproxyClient toxiproxy() {
    return toxiproxy;
  }

  /** The Toxiproxy API this run drives (embedded or external), or null when it has no proxies. */
  URI toxiproxyApi() {
    return toxiproxyApi;
  }

  /**
   * Deletes the proxies, stops the embedded server and every target, then removes the run's
   * containers and network.
   */
  @Override
  public void close() {
    if (embedded == null && containerProxy == null) {
      for (Proxy p : createdProxies) {
        try {
          p.delete();
        } catch (IOException | RuntimeException ignored) {
          // The external Toxiproxy may be gone; nothing else to undo.
        }
      }
    }
    createdProxies.clear();
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    targets.values().forEach(t -> stops.add(CompletableFuture.runAsync(t::close)));
    stops.forEach(CompletableFuture::join);
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
    if (containers != null) {
      containers.close();
    }
  }
}
