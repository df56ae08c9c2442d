package dev.gatehouse.netpol.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.netpol.Pipeline;
import dev.gatehouse.netpol.engine.Peer;
import dev.gatehouse.netpol.output.DiffWriter;
import dev.gatehouse.netpol.output.OutputFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each diff type, the address-range refinement, the summary and the renderings on small inputs. */
class ConnectivityDiffTest {
  private static final String PODS =
      """
      apiVersion: v1
      kind: Namespace
      metadata: {name: ns}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: a, namespace: ns, labels: {app: a}}
      spec: {containers: [{name: c, image: x}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: b, namespace: ns, labels: {app: b}}
      spec: {containers: [{name: c, image: x}]}
      """;

  private static String pod(String name) {
    return """
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: ns, labels: {app: %s}}
        spec: {containers: [{name: c, image: x}]}
        """
        .formatted(name, name);
  }

  /** A policy on b admitting ingress from a on {@code port}. */
  private static String ingressToB(String port) {
    return """
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: b-ingress, namespace: ns}
        spec:
          podSelector: {matchLabels: {app: b}}
          policyTypes: [Ingress]
          ingress:
          - from: [{podSelector: {matchLabels: {app: a}}}]
            ports: [{protocol: TCP, port: %s}]
        """
        .formatted(port);
  }

  /** A policy on a admitting egress to each CIDR on its protocol and port ("10.0.0.0/8 TCP 80"). */
  private static String egressFromA(String... rules) {
    StringBuilder sb =
        new StringBuilder(
            """
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: a-egress, namespace: ns}
            spec:
              podSelector: {matchLabels: {app: a}}
              policyTypes: [Egress]
              egress:
            """);
    for (String r : rules) {
      String[] f = r.split(" ");
      sb.append("  - to: [{ipBlock: {cidr: ")
          .append(f[0])
          .append("}}]\n    ports: [{protocol: ")
          .append(f[1])
          .append(", port: ")
          .append(f[2])
          .append("}]\n");
    }
    return sb.toString();
  }

  private static ConnectivityDiff diff(String base, String next) {
    return ConnectivityDiff.of(Pipeline.fromYaml(base), Pipeline.fromYaml(next));
  }

  /** {@code type src -> dst: before => after [info]} per entry. */
  private static List<String> lines(List<DiffEntry> entries) {
    return entries.stream()
        .map(
            e ->
                (e.type().text()
                        + " "
                        + e.src().label()
                        + " -> "
                        + e.dst().label()
                        + ": "
                        + e.before().text()
                        + " => "
                        + e.after().text()
                        + " "
                        + e.workloadsDiffInfo())
                    .strip())
        .toList();
  }

  private static List<String> labels(List<Peer> peers) {
    return peers.stream().map(Peer::label).toList();
  }

  @Test
  void of_otherPortAllowed_isChanged() {
    ConnectivityDiff d = diff(PODS + ingressToB("80"), PODS + ingressToB("8080"));
    assertThat(lines(d.entries()))
        .containsExactly("changed ns/a[Pod] -> ns/b[Pod]: TCP 80 => TCP 8080");
    assertThat(d.summary().line())
        .isEqualTo("diff: 0 added, 0 removed, 1 changed; newly isolated: ingress 0, egress 0");
  }

  @Test
  void of_newIngressPolicy_removesOthersAndIsolatesTheSubject() {
    ConnectivityDiff d = diff(PODS, PODS + ingressToB("80"));
    assertThat(lines(d.entries()))
        .containsExactly(
            "changed ns/a[Pod] -> ns/b[Pod]: All Connections => TCP 80",
            "removed 0.0.0.0-255.255.255.255[External] -> ns/b[Pod]: All Connections => No"
                + " Connections");
    assertThat(labels(d.summary().newlyIsolatedIngress())).containsExactly("ns/b[Pod]");
    assertThat(d.summary().newlyIsolatedEgress()).isEmpty();
    assertThat(d.summary().line())
        .isEqualTo("diff: 0 added, 1 removed, 1 changed; newly isolated: ingress 1, egress 0");
  }

  @Test
  void of_policyDeleted_addsConnectionsAndIsolatesNothing() {
    ConnectivityDiff d = diff(PODS + ingressToB("80"), PODS);
    assertThat(lines(d.entries()))
        .containsExactly(
            "changed ns/a[Pod] -> ns/b[Pod]: TCP 80 => All Connections",
            "added 0.0.0.0-255.255.255.255[External] -> ns/b[Pod]: No Connections => All"
                + " Connections");
    assertThat(d.summary().newlyIsolatedIngress()).isEmpty();
  }

  @Test
  void of_workloadAdded_namesItInTheInfo() {
    ConnectivityDiff d = diff(PODS, PODS + pod("c") + pod("d"));
    assertThat(lines(d.entries(DiffType.ADDED)))
        .contains(
            "added ns/a[Pod] -> ns/c[Pod]: No Connections => All Connections workload ns/c[Pod]"
                + " added",
            "added ns/c[Pod] -> ns/a[Pod]: No Connections => All Connections workload ns/c[Pod]"
                + " added",
            "added ns/c[Pod] -> ns/d[Pod]: No Connections => All Connections workload ns/c[Pod]"
                + " and ns/d[Pod] added",
            "added 0.0.0.0-255.255.255.255[External] -> ns/c[Pod]: No Connections => All"
                + " Connections workload ns/c[Pod] added",
            "added ns/d[Pod] -> 0.0.0.0-255.255.255.255[External]: No Connections => All"
                + " Connections workload ns/d[Pod] added")
        .hasSize(2 * 2 + 2 + 2 * 2 + 2 * 2);
    assertThat(d.entries(DiffType.REMOVED)).isEmpty();
    assertThat(d.entries(DiffType.CHANGED)).isEmpty();
  }

  @Test
  void of_workloadRemoved_namesItInTheInfo() {
    ConnectivityDiff d = diff(PODS + pod("c"), PODS);
    assertThat(lines(d.entries()))
        .contains(
            "removed ns/b[Pod] -> ns/c[Pod]: All Connections => No Connections workload ns/c[Pod]"
                + " removed")
        .allMatch(l -> l.startsWith("removed ") && l.endsWith("workload ns/c[Pod] removed"))
        .hasSize(6);
    assertThat(d.summary().removed()).isEqualTo(6);
  }

  @Test
  void of_rangeSplitDifferently_comparesOnTheCommonRefinement() {
    ConnectivityDiff d =
        diff(
            PODS + egressFromA("10.0.0.0/8 TCP 80"),
            PODS + egressFromA("10.0.0.0/16 TCP 80", "10.1.0.0/16 UDP 53"));
    assertThat(lines(d.entries()))
        .containsExactly(
            "changed ns/a[Pod] -> 10.1.0.0-10.1.255.255[External]: TCP 80 => UDP 53",
            "removed ns/a[Pod] -> 10.2.0.0-10.255.255.255[External]: TCP 80 => No Connections");
    // The destination ranges of b differ between the sides (the partitions of each side's
    // rules) but connect alike, so they merge back into one unchanged range.
    assertThat(lines(d.unchanged()))
        .contains(
            "nonChanged ns/a[Pod] -> 10.0.0.0-10.0.255.255[External]: TCP 80 => TCP 80",
            "nonChanged ns/b[Pod] -> 0.0.0.0-255.255.255.255[External]: All Connections => All"
                + " Connections");
  }

  @Test
  void of_adjacentRangesWithTheSameConnections_mergeIntoOne() {
    ConnectivityDiff d =
        diff(
            PODS + egressFromA("10.0.0.0/16 TCP 80", "10.1.0.0/16 TCP 80"),
            PODS + egressFromA("10.0.0.0/15 TCP 80"));
    assertThat(d.isEmpty()).isTrue();
    assertThat(lines(d.unchanged()))
        .contains("nonChanged ns/a[Pod] -> 10.0.0.0-10.1.255.255[External]: TCP 80 => TCP 80");
  }

  @Test
  void summary_newlyIsolated_countsOnlyWorkloadsOfBothSides() {
    String next = PODS + pod("c") + egressFromA("10.0.0.0/8 TCP 80");
    // c is selected too (its labels match a second policy), but it does not exist in the base.
    next +=
        """
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-c, namespace: ns}
        spec:
          podSelector: {matchLabels: {app: c}}
          policyTypes: [Egress, Ingress]
        """;
    DiffSummary s = diff(PODS, next).summary();
    assertThat(labels(s.newlyIsolatedEgress())).containsExactly("ns/a[Pod]");
    assertThat(s.newlyIsolatedIngress()).isEmpty();
  }

  @Test
  void entries_areOrderedChangedAddedRemoved() {
    ConnectivityDiff d = diff(PODS + pod("c"), PODS + pod("d") + ingressToB("80"));
    List<DiffType> types = d.entries().stream().map(DiffEntry::type).toList();
    assertThat(types).isSortedAccordingTo(java.util.Comparator.naturalOrder());
    assertThat(types).contains(DiffType.CHANGED, DiffType.ADDED, DiffType.REMOVED);
  }

  @Test
  void render_emptyDiff_isNothingButJsonHasASummary() {
    ConnectivityDiff d = diff(PODS, PODS);
    assertThat(d.isEmpty()).isTrue();
    for (OutputFormat f : List.of(OutputFormat.TXT, OutputFormat.CSV, OutputFormat.MD)) {
      assertThat(DiffWriter.render(d, f)).isEmpty();
    }
    assertThat(DiffWriter.render(d, OutputFormat.DOT)).isEmpty();
    assertThat(DiffWriter.render(d, OutputFormat.JSON))
        .isEqualTo(
            """
            {
              "entries": [],
              "summary": {
                "added": 0,
                "removed": 0,
                "changed": 0,
                "newlyIsolated": {
                  "ingress": [],
                  "egress": []
                }
              }
            }""");
  }

  @Test
  void render_formats_followNetpolAnalyzer() {
    ConnectivityDiff d = diff(PODS + ingressToB("80"), PODS + pod("c") + ingressToB("8080"));
    assertThat(DiffWriter.render(d, OutputFormat.TXT))
        .startsWith(
            "Connectivity diff:\n"
                + "diff-type: changed, source: ns/a[Pod], destination: ns/b[Pod], ref1: TCP 80,"
                + " ref2: TCP 8080\n"
                + "diff-type: added, source: 0.0.0.0-255.255.255.255[External], destination:"
                + " ns/c[Pod], ref1: No Connections, ref2: All Connections, workloads-diff-info:"
                + " workload ns/c[Pod] added\n");
    assertThat(DiffWriter.render(d, OutputFormat.CSV))
        .startsWith(
            "diff-type,source,destination,ref1,ref2,workloads-diff-info\n"
                + "changed,ns/a[Pod],ns/b[Pod],TCP 80,TCP 8080,\n");
    assertThat(DiffWriter.render(d, OutputFormat.MD))
        .contains("\n| changed | ns/a[Pod] | ns/b[Pod] | TCP 80 | TCP 8080 |  |\n");
    assertThat(DiffWriter.render(d, OutputFormat.DOT))
        .contains(
            "\t\t\"ns/c[Pod]\" [label=\"c[Pod]\" color=\"#008000\" fontcolor=\"#008000\"]\n",
            "\t\t\"ns/a[Pod]\" [label=\"a[Pod]\" color=\"blue\" fontcolor=\"blue\"]\n",
            "\t\"ns/a[Pod]\" -> \"ns/b[Pod]\" [label=\"TCP 8080 (ref1: TCP 80)\" color=\"magenta\""
                + " fontcolor=\"magenta\" weight=0.5]\n",
            "\t\"ns/b[Pod]\" -> \"ns/a[Pod]\" [label=\"All Connections\" color=\"grey\""
                + " fontcolor=\"grey\" weight=1]\n");
  }

  @Test
  void render_json_hasEntriesAndSummary() {
    ConnectivityDiff d = diff(PODS + ingressToB("80"), PODS + ingressToB("8080"));
    assertThat(DiffWriter.render(d, OutputFormat.JSON))
        .isEqualTo(
            """
            {
              "entries": [
                {
                  "diffType": "changed",
                  "src": "ns/a[Pod]",
                  "dst": "ns/b[Pod]",
                  "ref1": "TCP 80",
                  "ref2": "TCP 8080",
                  "workloadsDiffInfo": ""
                }
              ],
              "summary": {
                "added": 0,
                "removed": 0,
                "changed": 1,
                "newlyIsolated": {
                  "ingress": [],
                  "egress": []
                }
              }
            }""");
  }
}
