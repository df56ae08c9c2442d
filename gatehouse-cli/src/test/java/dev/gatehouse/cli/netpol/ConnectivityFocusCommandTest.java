package dev.gatehouse.cli.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code connectivity} with the focus options of netpol-analyzer. */
class ConnectivityFocusCommandTest {
  private static final String SHOP = Path.of("../examples/shop").toString();

  @Test
  void focusWorkloadPeer_keepsOnlyConnectionsBetweenTheTwo() {
    NetpolCommandsTest.Run r =
        NetpolCommandsTest.run(
            "connectivity",
            "-f",
            SHOP,
            "--focus-workload",
            "shop/checkout",
            "--focusworkload-peer",
            "cart,frontend");
    assertThat(r.code()).isZero();
    assertThat(r.out().strip().lines())
        .containsExactly(
            "shop/checkout[Deployment] => shop/cart[Deployment] : TCP 7070",
            "web/frontend[Deployment] => shop/checkout[Deployment] : TCP 5050");
  }

  @Test
  void focusDirection_keepsOnlyOneSideOfTheFocusWorkload() {
    NetpolCommandsTest.Run egress =
        NetpolCommandsTest.run(
            "connectivity",
            "-f",
            SHOP,
            "--focusworkload",
            "checkout",
            "--focus-workload-peer",
            "cart,frontend",
            "--focus-direction",
            "egress");
    assertThat(egress.out().strip().lines())
        .containsExactly("shop/checkout[Deployment] => shop/cart[Deployment] : TCP 7070");
    NetpolCommandsTest.Run ingress =
        NetpolCommandsTest.run(
            "connectivity",
            "-f",
            SHOP,
            "--focusworkload",
            "checkout",
            "--focus-direction",
            "ingress");
    assertThat(ingress.out().strip().lines())
        .containsExactly("web/frontend[Deployment] => shop/checkout[Deployment] : TCP 5050");
  }

  @Test
  void focusDirection_otherValues_areAUsageError() {
    NetpolCommandsTest.Run r =
        NetpolCommandsTest.run(
            "connectivity",
            "-f",
            SHOP,
            "--focus-workload",
            "cart",
            "--focus-direction",
            "sideways");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--focus-direction must be ingress or egress");
  }
}
