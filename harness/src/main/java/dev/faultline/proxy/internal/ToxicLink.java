package dev.faultline.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * One direction of one proxied connection: reads from {@code source}, passes each chunk through the
 * toxic stages of that direction, writes to {@code destination}. Confined to the connection's event
 * loop. Reading pauses while the destination is not writable or a stage holds too much.
 */
final class ToxicLink {
  private final ProxiedConnection connection;
  private final StreamDirection direction;
  private final Channel source;
  private final OutputStage output;
  private final List<ToxicStage> stages = new ArrayList<>();
  private final LongAdder received;
  private final LongAdder sent;
  private ToxicStage head;
  private boolean inReadBatch;
  private boolean outputBlocked;
  private int stagesHoldingBack;
  private boolean sourceEnded;
  private boolean disposed;

  ToxicLink(
      ProxiedConnection connection,
      StreamDirection direction,
      Channel source,
      Channel destination,
      TrafficCounters traffic) {
    this.connection = connection;
    this.direction = direction;
    this.source = source;
    this.output = new OutputStage(this, destination);
    this.head = output;
    this.received = traffic.received(direction);
    this.sent = traffic.sent(direction);
  }

  void start(List<ToxicSpec> toxics) {
    reconcile(toxics);
    updateAutoRead();
  }

  void onRead(ByteBuf data) {
    received.add(data.readableBytes());
    if (sourceEnded || disposed) {
      data.release();
      return;
    }
    inReadBatch = true;
    head.chunk(data, System.nanoTime());
  }

  void onReadComplete() {
    inReadBatch = false;
    output.flushIfDirty();
  }

  void onSourceClosed() {
    if (!sourceEnded && !disposed) {
      sourceEnded = true;
      inReadBatch = false;
      head.end();
    }
  }

  /** Brings the stages in line with the proxy's toxics: removed, updated, appended (by name). */
  void reconcile(List<ToxicSpec> wanted) {
    if (disposed) {
      return;
    }
    for (ToxicStage stage : List.copyOf(stages)) {
      ToxicSpec want = find(wanted, stage.spec.name());
      if (want == null || !want.sameIdentity(stage.spec)) {
        stage.remove();
        stages.remove(stage);
        relink();
      }
    }
    for (int i = 0; i < stages.size(); i++) {
      ToxicStage old = stages.get(i);
      ToxicSpec want = find(wanted, old.spec.name());
      if (!want.equals(old.spec)) {
        ToxicStage successor = want.kind().newStage(want, this);
        stages.set(i, successor);
        relink();
        old.replaceWith(successor);
        successor.start();
      }
    }
    for (ToxicSpec want : wanted) {
      if (stages.stream().noneMatch(stage -> stage.spec.name().equals(want.name()))) {
        ToxicStage stage = want.kind().newStage(want, this);
        stages.add(stage);
        relink();
        stage.start();
      }
    }
  }

  private static ToxicSpec find(List<ToxicSpec> specs, String name) {
    for (ToxicSpec spec : specs) {
      if (spec.name().equals(name)) {
        return spec;
      }
    }
    return null;
  }

  private void relink() {
    head = stages.isEmpty() ? output : stages.get(0);
    for (int i = 0; i < stages.size(); i++) {
      stages.get(i).next = i + 1 < stages.size() ? stages.get(i + 1) : output;
    }
  }

  void dispose() {
    if (!disposed) {
      disposed = true;
      stages.forEach(ToxicStage::dispose);
    }
  }

  boolean inReadBatch() {
    return inReadBatch;
  }

  EventLoop eventLoop() {
    return source.eventLoop();
  }

  SplittableRandom random() {
    return connection.random();
  }

  boolean rollToxicity(float toxicity) {
    return connection.random().nextFloat() < toxicity;
  }

  StreamDirection direction() {
    return direction;
  }

  void countSent(int bytes) {
    sent.add(bytes);
  }

  void resetConnection() {
    connection.reset();
  }

  void outputBlocked(boolean blocked) {
    outputBlocked = blocked;
    updateAutoRead();
  }

  void holdBack(boolean hold) {
    stagesHoldingBack += hold ? 1 : -1;
    updateAutoRead();
  }

  private void updateAutoRead() {
    boolean wanted = !outputBlocked && stagesHoldingBack == 0 && !disposed;
    if (source.config().isAutoRead() != wanted) {
      source.config().setAutoRead(wanted);
    }
  }
}
