package dev.faultline.experiment;

import java.util.Set;

/**
 * Jepsen-style counter check: the counter's increase over the load (read before load and after)
 * must lie in [ok, ok + indeterminate] over the increments a load step sent; where the target lists
 * applied operation ids, the ids applied during the load are compared.
 */
@Key("counter-consistency")
@Doc(
    "The counter's increase over the load (read before and after) lies in [ok, ok + indeterminate] of the increments sent; applied op ids match.")
public record CounterConsistencySpec(
    @Doc("Name of the check. Default: counter-consistency.") String name,
    @Required @Doc("The target holding the counter.") String target,
    @Required @Doc("The load step whose requests are increments.") String load,
    @Default("GET /counter") @Doc("Request that reads the counter.") HttpRequestLine read,
    @Default("/value") @Doc("JSON Pointer to the value in the answer.") String value,
    @Doc(
            "Request that lists applied op ids as {applied: [...], duplicates: [...]}; absent: counts only.")
        HttpRequestLine ops)
    implements CheckSpec {

  @Override
  public Set<Observation> observes() {
    return Set.of(Observation.COUNTER_BEFORE_LOAD);
  }

  @Override
  public <R> R match(Cases<R> cases) {
    return cases.counterConsistency(this);
  }

  public CounterConsistencySpec {
    name = name == null ? "counter-consistency" : name;
  }
}
