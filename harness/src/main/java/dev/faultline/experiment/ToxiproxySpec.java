package dev.faultline.experiment;

/** Where the Toxiproxy API is: an external server instead of the embedded one. */
@Doc("An external Toxiproxy server to use instead of Faultline's embedded one.")
public record ToxiproxySpec(
    @Required @Doc("The API URL, e.g. http://127.0.0.1:8474.") String url,
    @Default("127.0.0.1")
        @Doc("The host the external Toxiproxy's proxies listen on, as seen from the harness.")
        String listenHost) {}
