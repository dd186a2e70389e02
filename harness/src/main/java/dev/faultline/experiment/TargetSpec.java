package dev.faultline.experiment;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service under test: a built-in Faultline target, a user's command or jar started as a child
 * process, or an already running service reached by URL. Exactly one of {@code builtin}, {@code
 * command}, {@code jar} and {@code url} is given.
 */
@Doc("A service under test. Give exactly one of builtin, command, jar, url.")
public record TargetSpec(
    @Doc(
            "A built-in target service: counter, config, batch, aggregator, downstream, pool, cache, ledger, quote.")
        String builtin,
    @Doc("The variant of a built-in target, e.g. locked, atomic or racy for counter.")
        String variant,
    @Doc(
            "A command that starts your service; ${port} is replaced by the port Faultline chose, ${url:NAME}, ${host:NAME}, ${port:NAME} by where target or proxy NAME is reached.")
        List<String> command,
    @Doc(
            "A Spring Boot (or any executable) jar, started with the harness's java and --server.port=${port}.")
        String jar,
    @Doc(
            "An already running service to attach to, e.g. http://127.0.0.1:8080; may name another target or proxy with ${url:NAME}.")
        String url,
    @Default("process") @Doc("process or container.") Launch launch,
    @Doc("Container image (launch: container).") String image,
    @Default("/actuator/health")
        @Doc("Path polled until it answers 2xx; the target is then healthy.")
        String health,
    @Default("60s") @Doc("How long the target may take to become healthy.") Duration startupTimeout,
    @Doc(
            "Spring properties for built-in targets and jars, passed as --key=value; values may hold ${port} and ${url:NAME}, ${host:NAME}, ${port:NAME}.")
        Map<String, String> properties,
    @Doc(
            "Environment variables of the process; values may hold ${port} and ${url:NAME}, ${host:NAME}, ${port:NAME}.")
        Map<String, String> env,
    @Doc(
            "Extra JVM options for built-in targets and jars; may hold ${port} and ${url:NAME}, ${host:NAME}, ${port:NAME}.")
        List<String> jvmArgs,
    @Doc("Other targets this one calls; each call goes through a proxy named <this>-><other>.")
        List<String> calls) {

  public TargetSpec {
    command = command == null ? List.of() : List.copyOf(command);
    properties =
        properties == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
    jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
    calls = calls == null ? List.of() : List.copyOf(calls);
  }
}
