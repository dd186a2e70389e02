package dev.faultline.proxy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The toxics of one proxy, per direction in the order they were added (Toxiproxy appends new toxics
 * to the end of the chain). Every change publishes a new immutable {@link Snapshot} and tells live
 * connections to catch up. Thread-safe.
 */
final class ToxicSet {
  /** The toxics at one moment: what a connection's links reconcile to. */
  record Snapshot(List<ToxicSpec> upstream, List<ToxicSpec> downstream) {
    static final Snapshot EMPTY = new Snapshot(List.of(), List.of());

    List<ToxicSpec> of(StreamDirection direction) {
      return direction == StreamDirection.UPSTREAM ? upstream : downstream;
    }

    List<ToxicSpec> all() {
      List<ToxicSpec> all = new ArrayList<>(upstream);
      all.addAll(downstream);
      return all;
    }
  }

  private final Runnable onChange;
  private volatile Snapshot snapshot = Snapshot.EMPTY;

  ToxicSet(Runnable onChange) {
    this.onChange = onChange;
  }

  Snapshot snapshot() {
    return snapshot;
  }

  ToxicSpec get(String name) {
    return find(snapshot, name);
  }

  synchronized ToxicSpec add(ToxicSpec toxic) {
    if (find(snapshot, toxic.name()) != null) {
      throw ApiException.toxicAlreadyExists();
    }
    publish(replace(snapshot, toxic.stream(), toxic, null));
    return toxic;
  }

  synchronized ToxicSpec update(String name, UnaryOperator<ToxicSpec> change) {
    ToxicSpec old = find(snapshot, name);
    if (old == null) {
      throw ApiException.toxicNotFound();
    }
    ToxicSpec updated = change.apply(old);
    publish(replace(snapshot, old.stream(), updated, old));
    return updated;
  }

  synchronized void remove(String name) {
    ToxicSpec old = find(snapshot, name);
    if (old == null) {
      throw ApiException.toxicNotFound();
    }
    publish(replace(snapshot, old.stream(), null, old));
  }

  synchronized void clear() {
    if (!snapshot.all().isEmpty()) {
      publish(Snapshot.EMPTY);
    }
  }

  private void publish(Snapshot next) {
    snapshot = next;
    onChange.run();
  }

  private static ToxicSpec find(Snapshot snapshot, String name) {
    for (ToxicSpec toxic : snapshot.all()) {
      if (toxic.name().equals(name)) {
        return toxic;
      }
    }
    return null;
  }

  /**
   * Adds {@code added} (old == null), replaces {@code old} in place, or removes it (added == null).
   */
  private static Snapshot replace(
      Snapshot snapshot, StreamDirection direction, ToxicSpec added, ToxicSpec old) {
    List<ToxicSpec> list = new ArrayList<>(snapshot.of(direction));
    if (old == null) {
      list.add(added);
    } else if (added == null) {
      list.remove(old);
    } else {
      list.set(list.indexOf(old), added);
    }
    List<ToxicSpec> frozen = List.copyOf(list);
    return direction == StreamDirection.UPSTREAM
        ? new Snapshot(frozen, snapshot.downstream())
        : new Snapshot(snapshot.upstream(), frozen);
  }
}
