package dev.faultline.run;

import dev.faultline.InfrastructureException;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.Fault;
import dev.faultline.experiment.FaultSpec;
import dev.faultline.launch.HttpProbe;
import dev.faultline.launch.Target;
import java.net.URI;
import java.time.Duration;

/**
 * What is checked after the targets are healthy and before any load: that every target an {@code
 * assault} names has Chaos Monkey for Spring Boot's actuator endpoint. A run that would only find
 * out after its load and checks fails here, with the dependency and settings to add ({@link
 * InfrastructureException}: verdict ERROR, exit 3). Thread observation is checked by {@link
 * RunObservations#begin}. Stateless.
 */
final class Preflight {

  /**
   * What Faultline's assaults call first; Chaos Monkey answers it as soon as its endpoint is
   * exposed.
   */
  static final String CHAOS_MONKEY_PROBE = "/actuator/chaosmonkey/watchers";

  private static final HttpProbe HTTP = new HttpProbe(Duration.ofSeconds(2), Duration.ofSeconds(5));

  private Preflight() {}

  static void check(Experiment e, Deployment d, RunJournal journal, Console console) {
    for (FaultSpec f : e.faults()) {
      if (f.kind().needs().contains(Fault.Need.CHAOS_MONKEY)) {
        String target = f.kind().target();
        Target t = d.targets().get(target);
        int status = status(t.baseUrl().resolve(CHAOS_MONKEY_PROBE));
        if (status / 100 != 2) {
          throw new InfrastructureException(noChaosMonkey(f.name(), target, status));
        }
        String found =
            "target "
                + target
                + " has Chaos Monkey for Spring Boot (GET "
                + CHAOS_MONKEY_PROBE
                + " answered "
                + status
                + ")";
        journal.record("preflight", f.name(), found);
        console.say(e.name(), "preflight: " + f.name() + ": " + found);
      }
    }
  }

  static String noChaosMonkey(String fault, String target, int status) {
    return "fault "
        + fault
        + ": target "
        + target
        + " has no Chaos Monkey for Spring Boot endpoint (GET "
        + CHAOS_MONKEY_PROBE
        + " "
        + (status == 0 ? "got no answer" : "answered " + status)
        + "), so the assault cannot be switched on; nothing was sent. "
        + "Add the dependency de.codecentric:chaos-monkey-spring-boot (the release for your Spring Boot) and start the service with "
        + "spring.profiles.active=chaos-monkey, chaos.monkey.enabled=false (Faultline enables it during the fault), "
        + "management.endpoint.chaosmonkey.access=unrestricted (Spring Boot 3.4+; before: management.endpoint.chaosmonkey.enabled=true) and "
        + "management.endpoints.web.exposure.include=health,chaosmonkey — for a jar target, under properties:";
  }

  private static int status(URI uri) {
    return HTTP.status(uri);
  }
}
