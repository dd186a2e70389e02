package dev.faultline.experiment;

import java.util.Optional;
import java.util.Set;

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

  /** One case per network kind; {@link #matchToxic} calls the one of the kind. */
  interface Cases<R> {
    R latency(ToxicFaults.Latency toxic);

    R bandwidth(ToxicFaults.Bandwidth toxic);

    R slowClose(ToxicFaults.SlowClose toxic);

    R timeout(ToxicFaults.Timeout toxic);

    R resetPeer(ToxicFaults.ResetPeer toxic);

    R slicer(ToxicFaults.Slicer toxic);

    R limitData(ToxicFaults.LimitData toxic);

    R down(ToxicFaults.Down toxic);
  }

  /** A value of the toxic's own attributes that makes no sense, and how to fix it. */
  record Problem(String attribute, String message, String fix) {}

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

  /** What is wrong with the toxic's own attributes, if anything; the rules report it. */
  default Optional<Problem> problem() {
    return Optional.empty();
  }

  @Override
  default Set<Need> needs() {
    return Set.of(Need.PROXY);
  }

  @Override
  default <R> R match(Fault.Cases<R> cases) {
    return cases.toxic(this);
  }

  /** The case of this network kind. */
  <R> R matchToxic(Cases<R> cases);
}
