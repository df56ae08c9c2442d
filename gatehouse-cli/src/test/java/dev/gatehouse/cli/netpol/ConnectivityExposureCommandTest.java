package dev.gatehouse.cli.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code connectivity --exposure} and {@code --focus-conn}. */
class ConnectivityExposureCommandTest {
  private static final String SHOP = Path.of("../examples/shop").toString();

  @Test
  void exposure_listsEntireClusterExposuresAndUnprotectedWorkloads() {
    NetpolCommandsTest.Run r = NetpolCommandsTest.run("connectivity", "-f", SHOP, "--exposure");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("web/frontend[Deployment] => shop/checkout[Deployment] : TCP 5050\n")
        .contains("\nExposure Analysis Result:\nEgress Exposure:\n")
        .contains("web/frontend[Deployment]         \t<= \tentire-cluster : All Connections\n")
        .contains("Workloads not protected by network policies:\n")
        .contains("web/frontend[Deployment] is not protected on Ingress\n")
        .doesNotContain("shop/cart[Deployment] is not protected");
  }

  @Test
  void focusConn_listsPairsThatAllowTheConnection() {
    NetpolCommandsTest.Run r =
        NetpolCommandsTest.run("connectivity", "-f", SHOP, "--focus-conn", "tcp-7070");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("Permitted connections on TCP 7070:\n")
        .contains("shop/checkout[Deployment] => shop/cart[Deployment]\n")
        .doesNotContain("shop/cart[Deployment] => shop/redis")
        .doesNotContain(" : ");
  }

  @Test
  void focusConnWithExposure_json_usesTheFocusKeys() {
    NetpolCommandsTest.Run r =
        NetpolCommandsTest.run(
            "connectivity", "-f", SHOP, "--exposure", "--focus-conn", "udp-53", "-o", "json");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("{\n  \"connlist_conn_focus_results\": [\n")
        .contains("\"exposure_conn_focus_results\": {")
        .doesNotContain("\"conn\"");
  }

  @Test
  void focusConn_badValues_areUsageErrors() {
    for (String bad : new String[] {"tcp80", "icmp-8", "tcp-0", "udp-65536", "tcp-http"}) {
      NetpolCommandsTest.Run r =
          NetpolCommandsTest.run("connectivity", "-f", SHOP, "--focus-conn", bad);
      assertThat(r.code()).as(bad).isEqualTo(2);
      assertThat(r.err()).as(bad).contains("--focus-conn \"" + bad + "\"");
      assertThat(r.out()).as(bad).isEmpty();
    }
  }
}
