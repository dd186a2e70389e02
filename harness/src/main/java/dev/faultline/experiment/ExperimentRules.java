package dev.faultline.experiment;

import dev.faultline.experiment.internal.YamlBinder;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The rules that span fields: references between names, and combinations that make no sense. This
 * class judges the name, the load and the budget, and hands targets, faults and checks to their own
 * rule classes.
 */
final class ExperimentRules {

  private final Experiment experiment;
  private final YamlBinder binder;
  private final RuleBook book;

  ExperimentRules(Experiment experiment, YamlBinder binder) {
    this.experiment = experiment;
    this.binder = binder;
    this.book = new RuleBook(experiment, binder);
  }

  void check() {
    if (!experiment.name().matches("[a-z0-9][a-z0-9-]{0,79}")) {
      book.error(
          "name",
          "\"" + experiment.name() + "\" is not a valid name",
          "use lowercase letters, digits and dashes, e.g. counter-locked");
    }
    new TargetRules(book).check();
    checkLoad();
    new FaultRules(book).check();
    CheckRules checks = new CheckRules(book);
    checks.check();
    checks.checkStopConditions();
    new WiringRules(experiment, binder).check();
    checkBudget();
  }

  private void checkBudget() {
    Duration wholeLoad = experiment.warmUp().plus(experiment.loadDuration());
    if (experiment.budget().compareTo(wholeLoad) <= 0) {
      book.error(
          "budget",
          "the budget "
              + Durations.format(experiment.budget())
              + " is not longer than the load ("
              + Durations.format(wholeLoad)
              + ")",
          "raise budget above the load's warm-up + ramp + duration, e.g. "
              + Durations.format(wholeLoad.plusMinutes(1)));
    }
  }

  private void checkLoad() {
    book.requireSome(
        experiment.load(),
        "load",
        "no load step is declared",
        "add a step, e.g. \"- {target: counter, request: POST /counter/increment, rate: 100/s, duration: 10s}\"");
    Set<String> names = new HashSet<>();
    Set<String> destinations = book.destinations();
    for (int i = 0; i < experiment.load().size(); i++) {
      LoadSpec l = experiment.load().get(i);
      String path = "load[" + i + "]";
      if (!names.add(l.name())) {
        book.error(
            path + ".name",
            "another load step is named \"" + l.name() + "\"",
            "give each step its own name");
      }
      if (!destinations.contains(l.target())) {
        book.unknownReference(path + ".target", "target or proxy", l.target(), destinations);
      }
      if (l.workload() == Workload.OPEN) {
        if (l.rate() == null) {
          book.error(
              path,
              "an open workload needs a rate",
              "add \"rate: 100/s\", or set \"workload: closed\" with users");
        }
        if (l.users() != null) {
          book.error(
              path + ".users",
              "users applies to a closed workload",
              "remove users, or set \"workload: closed\"");
        }
      } else {
        if (l.users() == null || l.users() < 1) {
          book.error(
              path + (l.users() == null ? "" : ".users"),
              "a closed workload needs at least one user",
              "add \"users: 8\"");
        }
        if (l.rate() != null) {
          book.error(
              path + ".rate",
              "rate applies to an open workload",
              "remove rate, or set \"workload: open\"");
        }
      }
      if (!Limits.LOAD_STEP_NAME.matcher(l.name()).matches()) {
        book.error(
            path + ".name",
            "\"" + l.name() + "\" is not a valid load step name (it prefixes operation ids)",
            "use letters, digits, '_' and '.', with single dashes inside, e.g. increments"
                + (l.name().contains("->")
                    ? "; a load aimed at a call link needs its own name"
                    : ""));
      }
      if (l.users() != null && l.users() > Limits.MAX_USERS) {
        book.error(
            path + ".users",
            "at most " + Limits.MAX_USERS + " users per load step, got " + l.users(),
            "lower users, or split the load over several steps");
      }
      if (l.duration().isZero() || l.duration().isNegative()) {
        book.error(path + ".duration", "the duration must be above 0", "e.g. duration: 10s");
      }
      for (String header : l.headers().keySet()) {
        if (header.equalsIgnoreCase("Connection")) {
          book.error(
              path + ".headers." + header,
              "the Connection header is the step's connection field",
              "remove it from headers; set \"connection: keep-alive\", or leave the default"
                  + " \"connection: close\"");
        }
      }
      if (l.maxRequests() < 0) {
        book.error(
            path + ".max-requests", "max-requests cannot be negative", "use 0 for no extra bound");
      }
    }
  }
}
