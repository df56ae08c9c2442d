package dev.gatehouse.cli.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code connectivity --explain} with netpol-analyzer's {@code --explain-only} and {@code
 * --focus-conn}.
 */
class ConnectivityExplainCommandTest {
  private static final String SHOP = Path.of("../examples/shop").toString();
  private static final String CART_FROM_CHECKOUT =
      "Connections between shop/checkout[Deployment] => shop/cart[Deployment]:";

  @Test
  void explain_printsEachPairWithItsReasons_andTheSystemDefaultPairs() {
    NetpolCommandsTest.Run r = NetpolCommandsTest.run("connectivity", "-f", SHOP, "--explain");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith(
            "\n##########################################\n"
                + "# Specific connections and their reasons #\n")
        .contains(
            CART_FROM_CHECKOUT
                + "\n\nAllowed connections:\n"
                + "\tAllowed TCP:[7070] due to the following policies and rules:\n"
                + "\t\tEgress (Allowed)\n"
                + "\t\t\tNetworkPolicy 'shop/checkout-from-web' allows connections by Egress rule"
                + " #1\n"
                + "\t\tIngress (Allowed)\n"
                + "\t\t\tNetworkPolicy 'shop/cart-from-checkout' allows connections by Ingress"
                + " rule #1\n")
        .contains("Denied connections:\n");
  }

  @Test
  void explainOnly_keepsOnlyAllowedOrOnlyDeniedParts() {
    NetpolCommandsTest.Run allow =
        NetpolCommandsTest.run("connectivity", "-f", SHOP, "--explain", "--explain-only", "allow");
    assertThat(allow.out())
        .contains(CART_FROM_CHECKOUT)
        .doesNotContain("Denied connections:")
        .doesNotContain("\tDenied ");
    NetpolCommandsTest.Run deny =
        NetpolCommandsTest.run("connectivity", "-f", SHOP, "--explain-only", "deny");
    assertThat(deny.code()).isZero();
    assertThat(deny.out())
        .contains("Denied connections:")
        .doesNotContain("Allowed connections:")
        .doesNotContain("\tAllowed ")
        .doesNotContain("# All Connections due to the system default");
  }

  @Test
  void focusConn_andFocusWorkload_narrowTheExplanationToOnePort() {
    NetpolCommandsTest.Run r =
        NetpolCommandsTest.run(
            "connectivity",
            "-f",
            SHOP,
            "--explain",
            "--focus-workload",
            "cart",
            "--focus-direction",
            "ingress",
            "--focus-conn",
            "tcp-7070");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains(CART_FROM_CHECKOUT).contains("\tAllowed TCP:[7070] due to");
    assertThat(r.out().lines().filter(l -> l.startsWith("Connections between")))
        .allMatch(l -> l.endsWith("=> shop/cart[Deployment]:"));
    assertThat(r.out().lines().filter(l -> l.startsWith("\tAllowed ") || l.startsWith("\tDenied ")))
        .allMatch(l -> l.contains(" TCP:[7070] "));
  }

  @Test
  void explain_badCombinations_areUsageErrors() {
    NetpolCommandsTest.Run json =
        NetpolCommandsTest.run("connectivity", "-f", SHOP, "--explain", "-o", "json");
    assertThat(json.code()).isEqualTo(2);
    assertThat(json.err()).contains("--explain").contains("only -o txt");
    NetpolCommandsTest.Run only =
        NetpolCommandsTest.run("connectivity", "-f", SHOP, "--explain-only", "maybe");
    assertThat(only.code()).isEqualTo(2);
    assertThat(only.err()).contains("--explain-only must be allow or deny");
    NetpolCommandsTest.Run conn =
        NetpolCommandsTest.run("connectivity", "-f", SHOP, "--explain", "--focus-conn", "tcp80");
    assertThat(conn.code()).isEqualTo(2);
    assertThat(conn.err()).contains("--focus-conn").contains("tcp80");
  }
}
