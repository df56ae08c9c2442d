package dev.gatehouse.netpol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.ConnectivityAnalysis;
import dev.gatehouse.netpol.engine.ConnectivityReport;
import dev.gatehouse.netpol.engine.FocusConnection;
import dev.gatehouse.netpol.output.ConnectivityWriter;
import dev.gatehouse.netpol.output.OutputFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code --focus-conn}: parsing, filtering and the pair-only renderings. */
class FocusConnectionTest {
  @Test
  void parse_protocolInAnyCase_andPort() {
    assertThat(FocusConnection.parse("udp-53")).isEqualTo(new FocusConnection(Protocol.UDP, 53));
    assertThat(FocusConnection.parse("SCTP-9000").toString()).isEqualTo("SCTP 9000");
  }

  @Test
  void parse_badInput_namesTheProblem() {
    assertThatThrownBy(() -> FocusConnection.parse("tcp80")).hasMessageContaining("PROTOCOL-PORT");
    assertThatThrownBy(() -> FocusConnection.parse("tcp-8-0"))
        .hasMessageContaining("PROTOCOL-PORT");
    assertThatThrownBy(() -> FocusConnection.parse("icmp-8")).hasMessageContaining("protocol");
    assertThatThrownBy(() -> FocusConnection.parse("tcp-0")).hasMessageContaining("port");
    assertThatThrownBy(() -> FocusConnection.parse("tcp-http")).hasMessageContaining("port");
  }

  @Test
  void onConnection_keepsConnectionsAllowingIt_inEveryFormat() {
    String yaml =
        NetworkPolicySemanticsTest.CLUSTER
            + """
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: cart, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: cart}}
              ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 7070}]}]
            """;
    CompiledNetwork net = Pipeline.fromYaml(yaml);
    FocusConnection tcp7070 = FocusConnection.parse("tcp-7070");
    ConnectivityReport report = ConnectivityAnalysis.run(net).onConnection(tcp7070);
    Optional<FocusConnection> focus = Optional.of(tcp7070);
    assertThat(ConnectivityWriter.render(report, OutputFormat.TXT, focus).lines())
        .contains(
            "Permitted connections on TCP 7070:", "shop/web[Deployment] => shop/cart[Deployment]")
        .noneMatch(l -> l.contains("other/client[Deployment] => shop/cart"));
    assertThat(ConnectivityWriter.render(report, OutputFormat.CSV, focus))
        .startsWith("src,dst\n")
        .contains("shop/web[Deployment],shop/cart[Deployment]\n");
    assertThat(ConnectivityWriter.render(report, OutputFormat.MD, focus))
        .startsWith("| src | dst |\n|-----|-----|\n");
    assertThat(ConnectivityWriter.render(report, OutputFormat.JSON, focus))
        .doesNotContain("\"conn\"")
        .contains("\"dst\": \"shop/cart[Deployment]\"");
    assertThat(ConnectivityWriter.render(report, OutputFormat.DOT, focus))
        .contains("\"shop/web[Deployment]\" -> \"shop/cart[Deployment]\" [label=\"TCP 7070\"");
  }
}
