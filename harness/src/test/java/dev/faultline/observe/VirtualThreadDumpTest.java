package dev.faultline.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VirtualThreadDumpTest {

  @Test
  void reads_the_virtual_threads_of_a_jdk_25_json_dump_and_skips_known_platform_threads()
      throws IOException {
    String json;
    try (InputStream in = getClass().getResourceAsStream("jdk25-thread-dump.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    List<ThreadDetail> virtual = VirtualThreadDump.parse(json, Set.of(3L));

    assertThat(virtual)
        .extracting(ThreadDetail::name)
        .containsExactly("vwait-0", "vwait-1", "vwait-2", "virtual-28");
    assertThat(virtual.get(0).state()).isEqualTo(Thread.State.WAITING);
    assertThat(virtual.get(0).stack().get(0))
        .isEqualTo("java.lang.VirtualThread.park(VirtualThread.java:742)");
  }

  @Test
  void on_jdk_17_it_says_virtual_threads_cannot_be_seen() {
    List<String> blind = new ArrayList<>();

    VirtualThreadDump.of(42, "17", "/nowhere").addTo(new ArrayList<>(), blind);

    assertThat(blind)
        .containsExactly(
            "virtual threads cannot be seen on JDK 17 (the target's JDK; they exist from JDK 21)");
  }
}
