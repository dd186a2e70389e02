package dev.faultline.experiment;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One load step: a request sent repeatedly to a target (or a proxy) under an open or closed
 * workload.
 */
@Doc("One load step driven by Gatling.")
public record LoadSpec(
    @Doc("Name of the step; checks refer to it. Default: the target's name.") String name,
    @Required @Doc("The target or proxy the requests go to.") String target,
    @Required @Doc("Method and path, e.g. POST /counter/increment?op=${op}.")
        HttpRequestLine request,
    @Doc("HTTP headers.") Map<String, String> headers,
    @Doc("Request body.") String body,
    @Default("open") @Doc("open (a rate) or closed (a number of users).") Workload workload,
    @Doc("Arrival rate for an open workload, e.g. 200/s.") Rate rate,
    @Doc("Concurrent users for a closed workload.") Integer users,
    @Default("0s") @Doc("Linear ramp-up before the steady phase.") Duration ramp,
    @Required @Doc("Length of the steady phase.") Duration duration,
    @Default("0") @Doc("Upper bound of requests in this step; 0 means rate x duration bounds it.")
        int maxRequests,
    @Default("0s")
        @Doc(
            "Requests sent at the step's rate or users before the measured load, to warm the service up; never under a fault (faults' at counts from the end of the longest warm-up), left out of checks and stop conditions.")
        Duration warmUp,
    @Default("90%")
        @Doc(
            "The share of the step's measured requests outside every fault window that must be ok; fewer, and the run is INCONCLUSIVE: a load that did not work proves nothing. 0% turns the rule off.")
        Percent minOk,
    @Default("close")
        @Doc(
            "close: a new connection per request (Connection: close). keep-alive: reused connections; a request Gatling re-sends after its connection closed without an answer is indeterminate.")
        Connection connection) {

  public LoadSpec {
    name = name == null ? target : name;
    headers =
        headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }
}
