package dev.gatehouse.netpol.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.netpol.Pipeline;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.Peer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled retail example ({@code examples/retail}) with one policy removed. The expectations
 * come from reading the policies:
 *
 * <ul>
 *   <li>the clusterwide {@code allow-egress-to-example-com} selects every pod for egress, so every
 *       workload may leave only for {@code *.example.com} (80, 443) and the cluster DNS, plus what
 *       its own namespaced egress policy adds;
 *   <li>{@code protect-inventory-api} is the only ingress policy selecting inventory-api: it admits
 *       the frontend on 8080 with an HTTP rule (GET /api/inventory/.*). Without it inventory-api is
 *       not isolated for ingress: the frontend's own egress rule (named port http = 8080, no L7)
 *       decides alone, and every external address (IPv4 and, since a rule names the world entity,
 *       IPv6) may connect; no other workload may, their egress being isolated as above;
 *   <li>{@code frontend-to-backends} is the only rule letting the frontend out to the backends.
 * </ul>
 */
class RetailDiffTest {
  private static final String V4 = "0.0.0.0-255.255.255.255[External]";
  private static final String V6 = "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]";
  private static final String FRONTEND = "retail/frontend-app[Deployment]";
  private static final String INVENTORY = "retail/inventory-api[Deployment]";
  private static final String PAYMENT = "retail/payment-gateway[Deployment]";

  private static List<KubeObject> objects;
  private static CompiledNetwork full;

  @BeforeAll
  static void load() {
    Diagnostics d = new Diagnostics();
    objects = KubeLoader.standard().load(List.of("../examples/retail"), d);
    full = Pipeline.compile(objects, d);
    assertThat(d.all()).isEmpty();
  }

  private static CompiledNetwork without(String policy) {
    List<KubeObject> kept = objects.stream().filter(o -> !o.name().equals(policy)).toList();
    assertThat(kept).hasSize(objects.size() - 1);
    return Pipeline.compile(kept, new Diagnostics());
  }

  private static List<String> lines(List<DiffEntry> entries) {
    return entries.stream()
        .map(
            e ->
                e.type().text()
                    + " "
                    + e.src().label()
                    + " -> "
                    + e.dst().label()
                    + ": "
                    + e.before().text()
                    + " => "
                    + e.after().text())
        .toList();
  }

  @Test
  void removingTheInventoryPolicy_opensInventoryAndDropsItsHttpRule() {
    ConnectivityDiff d = ConnectivityDiff.of(full, without("protect-inventory-api"));
    assertThat(lines(d.entries()))
        .containsExactly(
            "changed "
                + FRONTEND
                + " -> "
                + INVENTORY
                + ": TCP 8080 (HTTP GET /api/inventory/.*) => TCP 8080",
            "added " + V4 + " -> " + INVENTORY + ": No Connections => All Connections",
            "added " + V6 + " -> " + INVENTORY + ": No Connections => All Connections");
    assertThat(d.summary().line())
        .isEqualTo("diff: 2 added, 0 removed, 1 changed; newly isolated: ingress 0, egress 0");
  }

  @Test
  void addingTheInventoryPolicy_isolatesInventoryForIngress() {
    ConnectivityDiff d = ConnectivityDiff.of(without("protect-inventory-api"), full);
    assertThat(lines(d.entries()))
        .containsExactly(
            "changed "
                + FRONTEND
                + " -> "
                + INVENTORY
                + ": TCP 8080 => TCP 8080 (HTTP GET /api/inventory/.*)",
            "removed " + V4 + " -> " + INVENTORY + ": All Connections => No Connections",
            "removed " + V6 + " -> " + INVENTORY + ": All Connections => No Connections");
    assertThat(d.summary().newlyIsolatedIngress().stream().map(Peer::label))
        .containsExactly(INVENTORY);
    assertThat(d.summary().newlyIsolatedEgress()).isEmpty();
  }

  @Test
  void removingTheFrontendEgressPolicy_cutsTheFrontendOffItsBackends() {
    ConnectivityDiff d = ConnectivityDiff.of(full, without("frontend-to-backends"));
    assertThat(lines(d.entries()))
        .containsExactly(
            "removed "
                + FRONTEND
                + " -> "
                + INVENTORY
                + ": TCP 8080 (HTTP GET /api/inventory/.*) => No Connections",
            "removed "
                + FRONTEND
                + " -> "
                + PAYMENT
                + ": TCP 9090 (HTTP POST /process-payment) => No Connections");
    // Still selected by the clusterwide egress policy: nothing is newly isolated, nor released.
    assertThat(d.summary().newlyIsolatedEgress()).isEmpty();
  }
}
