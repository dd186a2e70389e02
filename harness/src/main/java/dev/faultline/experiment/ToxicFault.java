package dev.faultline.experiment;

/** A network fault applied as a Toxiproxy toxic on a proxy. */
public sealed interface ToxicFault extends Fault
    permits ToxicFaults.Latency,
        ToxicFaults.Bandwidth,
        ToxicFaults.SlowClose,
        ToxicFaults.Timeout,
        ToxicFaults.ResetPeer,
        ToxicFaults.Slicer,
        ToxicFaults.LimitData,
        ToxicFaults.Down {

  /** The proxy the toxic is added to. */
  String proxy();

  /** Probability that a connection is affected; 1 for kinds without the attribute. */
  default double toxicity() {
    return 1.0;
  }

  /** The direction affected; downstream for kinds without the attribute. */
  default Stream stream() {
    return Stream.DOWNSTREAM;
  }
}
