package dev.gatehouse.netpol.output;

import dev.gatehouse.netpol.engine.Connection;
import dev.gatehouse.netpol.engine.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Graphviz digraph as netpol-analyzer draws connectivity: one cluster per namespace (sorted) with
 * its nodes, then the clusters of representative namespaces (red), then the nodes outside any
 * namespace, then the edges, each group sorted as strings.
 */
final class DotGraph {
  private final Map<String, TreeSet<String>> namespaces = new TreeMap<>();
  private final Map<String, TreeSet<String>> representative = new TreeMap<>();
  private final TreeSet<String> outside = new TreeSet<>();
  private final List<String> edges = new ArrayList<>();

  /** Adds a workload node to its namespace's cluster, once. */
  void workload(Peer p) {
    String ns = p.namespace();
    String shortLabel = p.label().substring(ns.length() + 1);
    namespaces.computeIfAbsent(ns, k -> new TreeSet<>()).add(node(p.label(), shortLabel, "blue"));
  }

  /** Adds a node outside the namespaces (addresses red, others blue), once. */
  void outside(Peer p) {
    String color = p instanceof Peer.IpPeer ? "red2" : "blue";
    outside.add(node(p.label(), p.label(), color));
  }

  /** Adds the diamond that stands for the entire cluster. */
  void entireCluster() {
    outside.add(
        "\t\"entire-cluster\" [label=\"entire-cluster\" color=\"red2\" fontcolor=\"red2\""
            + " shape=diamond]");
  }

  /**
   * Adds a representative node {@code id} labelled {@code label} to namespace cluster {@code ns}.
   */
  void representative(String ns, String id, String label) {
    representative.computeIfAbsent(ns, k -> new TreeSet<>()).add(node(id, label, "red2"));
  }

  /** Adds the edge of a connection, with both ends as nodes. */
  void connection(Connection c) {
    for (Peer p : List.of(c.src(), c.dst())) {
      if (p instanceof Peer.WorkloadPeer) {
        workload(p);
      } else {
        outside(p);
      }
    }
    String s = c.src().label();
    String d = c.dst().label();
    edge(s, d, c.text(), "gold2", s.compareTo(d) <= 0 ? "0.5" : "1", "");
  }

  /** Adds an edge. */
  void edge(String src, String dst, String label, String color, String weight, String style) {
    edges.add(
        "\t\""
            + src
            + "\" -> \""
            + dst
            + "\" [label=\""
            + label
            + "\" color=\""
            + color
            + "\" fontcolor=\"darkgreen\" weight="
            + weight
            + style
            + "]");
  }

  /** The graph, without trailing newline. */
  String render() {
    StringBuilder sb = new StringBuilder("digraph {\n");
    clusters(sb, namespaces, "black");
    clusters(sb, representative, "red2");
    outside.forEach(o -> sb.append(o).append('\n'));
    edges.stream().sorted().forEach(e -> sb.append(e).append('\n'));
    return sb.append('}').toString();
  }

  private static void clusters(StringBuilder sb, Map<String, TreeSet<String>> byNs, String color) {
    byNs.forEach(
        (ns, nodes) -> {
          // Graphviz does not take "-" in subgraph names; netpol-analyzer writes "_" instead.
          sb.append("\tsubgraph \"cluster_")
              .append(ns.replace('-', '_'))
              .append("[namespace]\" {\n");
          sb.append("\t\tcolor=\"")
              .append(color)
              .append("\"\n\t\tfontcolor=\"")
              .append(color)
              .append("\"\n");
          nodes.forEach(n -> sb.append('\t').append(n).append('\n'));
          sb.append("\t\tlabel=\"").append(ns).append("[namespace]\"\n\t}\n");
        });
  }

  private static String node(String id, String label, String color) {
    return "\t\""
        + id
        + "\" [label=\""
        + label
        + "\" color=\""
        + color
        + "\" fontcolor=\""
        + color
        + "\"]";
  }
}
