package dev.faultline.experiment;

/** A Toxiproxy proxy in front of a target. Load aimed at the proxy's name goes through it. */
@Doc("A proxy in front of a target; load and faults can name it.")
public record ProxySpec(
    @Required @Doc("The target the proxy forwards to.") String upstream,
    @Default("127.0.0.1:0") @Doc("host:port to listen on; port 0 picks a free one.")
        String listen) {

  /**
   * The name a proxy has in the Toxiproxy API: experiments write a call link as {@code
   * caller->callee}, which is not safe in a URL path, so the API knows it as {@code
   * caller-to-callee}.
   */
  public static String apiName(String name) {
    return name.replace("->", "-to-");
  }
}
