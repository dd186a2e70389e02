package dev.faultline.check;

import dev.faultline.load.RequestOutcome;
import java.net.URI;
import java.util.List;

/** What a check may look at: the targets' addresses and what the load recorded. */
public interface CheckContext {

    /** The loopback URL of a target, by name. */
    URI baseUrl(String target);

    /** Every request of a load step, with its outcome. */
    List<RequestOutcome> outcomes(String step);
}
