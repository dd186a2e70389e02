package dev.faultline.experiment;

import java.time.Duration;
import java.util.Optional;

/** The network fault kinds, one per Toxiproxy toxic, with Toxiproxy's attributes. */
public final class ToxicFaults {

  private ToxicFaults() {}

  @Key("latency")
  @Doc("Delays data by latency +/- jitter.")
  public record Latency(
      @Required @Doc("The proxy to slow down.") String proxy,
      @Required @Doc("Added delay.") Duration latency,
      @Default("0ms") @Doc("Random variation of the delay.") Duration jitter,
      @Default("downstream") Stream stream,
      @Default("1.0") @Doc("Probability (0..1) that a connection is affected.") double toxicity)
      implements ToxicFault {

    @Override
    public <R> R matchToxic(Cases<R> cases) {
      return cases.latency(this);
    }
  }

  @Key("bandwidth")
  @Doc("Limits the rate to rate KB/s.")
  public record Bandwidth(
      @Required String proxy,
      @Required @Doc("KB per second.") long rate,
      @Default("downstream") Stream stream,
      @Default("1.0") double toxicity)
      implements ToxicFault {

    @Override
    public Optional<Problem> problem() {
      return rate >= 0
          ? Optional.empty()
          : Optional.of(
              new Problem("rate", "the rate cannot be negative", "give KB/s, e.g. rate: 100"));
    }

    @Override
    public <R> R matchToxic(Cases<R> cases) {
      return cases.bandwidth(this);
    }
  }

  @Key("slow-close")
  @Doc("Delays the close of a connection.")
  public record SlowClose(
      @Required String proxy,
      @Required Duration delay,
      @Default("downstream") Stream stream,
      @Default("1.0") double toxicity)
      implements ToxicFault {

    @Override
    public <R> R matchToxic(Cases<R> cases) {
      return cases.slowClose(this);
    }
  }

  @Key("timeout")
  @Doc("Stops all data and closes the connection after timeout (0: holds it forever).")
  public record Timeout(
      @Required String proxy,
      @Required Duration timeout,
      @Default("downstream") Stream stream,
      @Default("1.0") double toxicity)
      implements ToxicFault {

    @Override
    public <R> R matchToxic(Cases<R> cases) {
      return cases.timeout(this);
    }
  }

  @Key("reset-peer")
  @Doc("Resets connections (TCP RST), after timeout if given.")
  public record ResetPeer(
      @Required String proxy,
      @Default("0ms") Duration timeout,
      @Default("downstream") Stream stream,
      @Default("1.0") double toxicity)
      implements ToxicFault {

    @Override
    public <R> R matchToxic(Cases<R> cases) {
      return cases.resetPeer(this);
    }
  }

  @Key("slicer")
  @Doc("Slices data into small chunks with a delay between them.")
  public record Slicer(
      @Required String proxy,
      @Default("64") int averageSize,
      @Default("0") int sizeVariation,
      @Default("0ms") Duration delay,
      @Default("downstream") Stream stream,
      @Default("1.0") double toxicity)
      implements ToxicFault {

    @Override
    public Optional<Problem> problem() {
      boolean sizesHold = averageSize >= 1 && sizeVariation >= 0 && sizeVariation < averageSize;
      return sizesHold
          ? Optional.empty()
          : Optional.of(
              new Problem(
                  "average-size",
                  "slices need average-size >= 1 and 0 <= size-variation < average-size",
                  "e.g. average-size: 64, size-variation: 16"));
    }

    @Override
    public <R> R matchToxic(Cases<R> cases) {
      return cases.slicer(this);
    }
  }

  @Key("limit-data")
  @Doc("Closes the connection once bytes have passed.")
  public record LimitData(
      @Required String proxy,
      @Required long bytes,
      @Default("downstream") Stream stream,
      @Default("1.0") double toxicity)
      implements ToxicFault {

    @Override
    public Optional<Problem> problem() {
      return bytes < 0
          ? Optional.of(new Problem("bytes", "bytes cannot be negative", "e.g. bytes: 1024"))
          : Optional.empty();
    }

    @Override
    public <R> R matchToxic(Cases<R> cases) {
      return cases.limitData(this);
    }
  }

  @Key("down")
  @Doc("Takes the proxy down: connections are refused and open ones dropped.")
  public record Down(@Required String proxy) implements ToxicFault {

    @Override
    public <R> R matchToxic(Cases<R> cases) {
      return cases.down(this);
    }
  }
}
