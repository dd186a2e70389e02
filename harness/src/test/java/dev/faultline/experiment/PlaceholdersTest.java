package dev.faultline.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  private static final TargetSpec FRONT =
      new TargetSpec(
          null,
          null,
          List.of("serve", "--port=${port}", "--back=${url:front->back}"),
          null,
          null,
          Launch.PROCESS,
          null,
          "/health",
          Duration.ofSeconds(5),
          Map.of("back.host", "${host:back}"),
          Map.of("SELF", "127.0.0.1:${port}"),
          List.of("-Dback.port=${port:back}"),
          List.of("back"));

  @Test
  void names_are_resolved_first_and_the_own_port_is_left_for_the_launch_to_fill_everywhere() {
    TargetSpec wired =
        Placeholders.resolve(
            FRONT,
            r ->
                switch (r.kind()) {
                  case "url" -> "http://127.0.0.1:40001";
                  case "host" -> "127.0.0.1";
                  default -> r.ownPort() ? null : "40002";
                });
    TargetSpec started = Placeholders.withOwnPort(wired, 8123);

    assertThat(started.command())
        .containsExactly("serve", "--port=8123", "--back=http://127.0.0.1:40001");
    assertThat(started.properties()).containsExactly(Map.entry("back.host", "127.0.0.1"));
    assertThat(started.env()).containsExactly(Map.entry("SELF", "127.0.0.1:8123"));
    assertThat(started.jvmArgs()).containsExactly("-Dback.port=40002");
  }

  @Test
  void what_a_spec_names_is_every_target_or_proxy_of_its_placeholders_once() {
    assertThat(Placeholders.namedIn(FRONT)).containsExactly("front->back", "back");
  }

  @Test
  void an_unknown_placeholder_is_left_as_written() {
    assertThat(Placeholders.resolve("a ${prot} b $HOME", r -> "x")).isEqualTo("a ${prot} b $HOME");
  }
}
