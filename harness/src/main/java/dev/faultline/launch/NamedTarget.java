package dev.faultline.launch;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What every kind of target has: its name, where it answers, and the log Faultline captures (none
 * for an attached service). Has no process of its own unless a kind says so. The fields never
 * change; thread-safe.
 */
abstract class NamedTarget implements Target {

  final String name;
  final URI baseUrl;
  final Path log;

  /**
   * @param log the captured output, or null when Faultline captures none
   */
  NamedTarget(String name, URI baseUrl, Path log) {
    this.name = name;
    this.baseUrl = baseUrl;
    this.log = log;
  }

  /** {@code http://127.0.0.1:<port>}, where a target Faultline started answers. */
  static URI loopback(int port) {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final URI baseUrl() {
    return baseUrl;
  }

  @Override
  public Optional<ProcessHandle> process() {
    return Optional.empty();
  }

  @Override
  public final Optional<Path> log() {
    return Optional.ofNullable(log);
  }
}
