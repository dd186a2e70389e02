package dev.faultline.experiment;

/** A Toxiproxy proxy in front of a target. Load aimed at the proxy's name goes through it. */
@Doc("A proxy in front of a target; load and faults can name it.")
public record ProxySpec(
        @Required @Doc("The target the proxy forwards to.") String upstream,
        @Default("127.0.0.1:0") @Doc("host:port to listen on; port 0 picks a free one.") String listen) {}
