package dev.faultline.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListenScopeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.9.8.7",
        "localhost",
        "LOCALHOST",
        "::1",
        "[::1]",
        "0:0:0:0:0:0:0:1"
      })
  void loopback_addresses_are_loopback(String host) {
    assertThat(ListenScope.isLoopback(host)).isTrue();
    assertThat(ListenScope.of(host).loopbackOnly()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "::",
        "[::]",
        "192.168.1.20",
        "10.0.0.1",
        "example.com",
        "",
        "127.0.0.256"
      })
  void every_other_address_or_name_is_beyond_loopback(String host) {
    assertThat(ListenScope.isLoopback(host)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0:8666", "[::]:0", "192.168.1.20:0"})
  void a_loopback_server_refuses_a_proxy_beyond_loopback(String listen) {
    assertThatThrownBy(() -> ListenScope.of("127.0.0.1").check(listen))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("would listen beyond this machine");
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1:0", "localhost:8666", "[::1]:0", ":8666"})
  void a_loopback_server_takes_a_proxy_on_loopback(String listen) {
    ListenScope.of("127.0.0.1").check(listen);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0:8666", "127.0.0.1:0"})
  void a_server_inside_a_container_lets_its_proxies_listen_as_wide_as_its_api(String listen) {
    ListenScope.of("0.0.0.0").check(listen);
  }
}
