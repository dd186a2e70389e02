package dev.faultline.fault;

import dev.faultline.experiment.FaultSpec;
import dev.faultline.experiment.ProxySpec;
import dev.faultline.experiment.Stream;
import dev.faultline.experiment.ToxicFault;
import dev.faultline.experiment.ToxicFaults;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;

/**
 * Applies network faults as Toxiproxy toxics through the official Java client, so the same code
 * drives Faultline's embedded server and a real Toxiproxy. The toxic is named after the fault.
 * Thread-safe.
 */
record ToxicInjector(ToxiproxyClient client) implements FaultInjector {

  @Override
  public ActiveFault apply(FaultSpec fault) {
    if (!(fault.kind() instanceof ToxicFault toxic)) {
      throw new IllegalArgumentException(fault.name() + " is not a network fault");
    }
    try {
      Proxy proxy = client.getProxy(ProxySpec.apiName(toxic.proxy()));
      if (toxic instanceof ToxicFaults.Down) {
        proxy.disable();
        return new Rollback(
            fault.name(), () -> client.getProxy(ProxySpec.apiName(toxic.proxy())).enable());
      }
      Toxic created = create(proxy.toxics(), fault.name(), toxic);
      if (toxic.toxicity() < 1.0) {
        created.setToxicity((float) toxic.toxicity());
      }
      return new Rollback(
          fault.name(),
          () ->
              client
                  .getProxy(ProxySpec.apiName(toxic.proxy()))
                  .toxics()
                  .get(fault.name())
                  .remove());
    } catch (IOException e) {
      throw new FaultException(
          fault.name(),
          "Toxiproxy refused "
              + fault.kind().kindName()
              + " on proxy "
              + toxic.proxy()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static Toxic create(ToxicList toxics, String name, ToxicFault toxic) throws IOException {
    ToxicDirection d =
        toxic.stream() == Stream.UPSTREAM ? ToxicDirection.UPSTREAM : ToxicDirection.DOWNSTREAM;
    return toxic.matchToxic(new ToxicOf(toxics, name, d)).add();
  }

  /** Adding a toxic through the API. */
  private interface Addition {
    Toxic add() throws IOException;
  }

  /** How each kind's toxic is added; down takes the proxy down instead and never gets here. */
  private record ToxicOf(ToxicList toxics, String name, ToxicDirection d)
      implements ToxicFault.Cases<Addition> {

    @Override
    public Addition latency(ToxicFaults.Latency l) {
      return () -> toxics.latency(name, d, l.latency().toMillis()).setJitter(l.jitter().toMillis());
    }

    @Override
    public Addition bandwidth(ToxicFaults.Bandwidth b) {
      return () -> toxics.bandwidth(name, d, b.rate());
    }

    @Override
    public Addition slowClose(ToxicFaults.SlowClose s) {
      return () -> toxics.slowClose(name, d, s.delay().toMillis());
    }

    @Override
    public Addition timeout(ToxicFaults.Timeout t) {
      return () -> toxics.timeout(name, d, t.timeout().toMillis());
    }

    @Override
    public Addition resetPeer(ToxicFaults.ResetPeer r) {
      return () -> toxics.resetPeer(name, d, r.timeout().toMillis());
    }

    @Override
    public Addition slicer(ToxicFaults.Slicer s) {
      return () ->
          toxics
              .slicer(name, d, s.averageSize(), s.delay().toNanos() / 1000)
              .setSizeVariation(s.sizeVariation());
    }

    @Override
    public Addition limitData(ToxicFaults.LimitData l) {
      return () -> toxics.limitData(name, d, l.bytes());
    }

    @Override
    public Addition down(ToxicFaults.Down down) {
      throw new IllegalArgumentException("down is no toxic: it disables the proxy");
    }
  }

  /** An undo through the Toxiproxy API. */
  private interface Undo {
    void run() throws IOException;
  }

  /**
   * The toxic (or the proxy taken down) undone once. Not rolled back at exit: the embedded proxy
   * ends with the JVM, as before.
   */
  private static final class Rollback extends OnceRollback {
    private final Undo undo;

    Rollback(String name, Undo undo) {
      super(name, false);
      this.undo = undo;
    }

    @Override
    protected void undo() {
      try {
        undo.run();
      } catch (IOException e) {
        throw new FaultException(name(), "rollback failed: " + e.getMessage(), e);
      }
    }
  }
}
