package dev.faultline.experiment;

/** The rules of each network fault's attributes, one case per Toxiproxy toxic. */
final class ToxicRules implements ToxicFault.Cases<Void> {

  private final RuleBook book;
  private final String path;

  ToxicRules(RuleBook book, String path) {
    this.book = book;
    this.path = path;
  }

  void check(ToxicFault toxic) {
    double toxicity = toxic.toxicity();
    if (toxicity < 0 || toxicity > 1) {
      book.error(
          path + ".toxicity",
          "toxicity is a probability and must lie between 0 and 1",
          "e.g. toxicity: 0.5");
    }
    toxic.matchToxic(this);
  }

  @Override
  public Void latency(ToxicFaults.Latency toxic) {
    return null;
  }

  @Override
  public Void bandwidth(ToxicFaults.Bandwidth toxic) {
    if (toxic.rate() < 0) {
      book.error(path + ".rate", "the rate cannot be negative", "give KB/s, e.g. rate: 100");
    }
    return null;
  }

  @Override
  public Void slowClose(ToxicFaults.SlowClose toxic) {
    return null;
  }

  @Override
  public Void timeout(ToxicFaults.Timeout toxic) {
    return null;
  }

  @Override
  public Void resetPeer(ToxicFaults.ResetPeer toxic) {
    return null;
  }

  @Override
  public Void slicer(ToxicFaults.Slicer toxic) {
    if (toxic.averageSize() < 1
        || toxic.sizeVariation() < 0
        || toxic.sizeVariation() >= toxic.averageSize()) {
      book.error(
          path + ".average-size",
          "slices need average-size >= 1 and 0 <= size-variation < average-size",
          "e.g. average-size: 64, size-variation: 16");
    }
    return null;
  }

  @Override
  public Void limitData(ToxicFaults.LimitData toxic) {
    if (toxic.bytes() < 0) {
      book.error(path + ".bytes", "bytes cannot be negative", "e.g. bytes: 1024");
    }
    return null;
  }

  @Override
  public Void down(ToxicFaults.Down toxic) {
    return null;
  }
}
