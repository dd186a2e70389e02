package dev.faultline.proxy.internal;

import java.util.List;
import java.util.function.BiFunction;

/** The toxic types Toxiproxy 2.x knows, with their attribute names (all integers, default 0). */
enum ToxicKind {
  LATENCY("latency", List.of("latency", "jitter"), LatencyToxic::new),
  BANDWIDTH("bandwidth", List.of("rate"), BandwidthToxic::new),
  SLOW_CLOSE("slow_close", List.of("delay"), SlowCloseToxic::new),
  TIMEOUT("timeout", List.of("timeout"), TimeoutToxic::new),
  RESET_PEER("reset_peer", List.of("timeout"), ResetPeerToxic::new),
  SLICER("slicer", List.of("average_size", "size_variation", "delay"), SlicerToxic::new),
  LIMIT_DATA("limit_data", List.of("bytes"), LimitDataToxic::new);

  private final String wireName;
  private final List<String> attributeNames;
  private final BiFunction<ToxicSpec, ToxicLink, ToxicStage> stageFactory;

  ToxicKind(
      String wireName,
      List<String> attributeNames,
      BiFunction<ToxicSpec, ToxicLink, ToxicStage> stageFactory) {
    this.wireName = wireName;
    this.attributeNames = attributeNames;
    this.stageFactory = stageFactory;
  }

  String wireName() {
    return wireName;
  }

  List<String> attributeNames() {
    return attributeNames;
  }

  ToxicStage newStage(ToxicSpec spec, ToxicLink link) {
    return stageFactory.apply(spec, link);
  }

  static ToxicKind parse(String text) {
    for (ToxicKind kind : values()) {
      if (kind.wireName.equals(text)) {
        return kind;
      }
    }
    throw ApiException.invalidToxicType();
  }
}
