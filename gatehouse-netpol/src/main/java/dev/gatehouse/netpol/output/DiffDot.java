package dev.gatehouse.netpol.output;

import dev.gatehouse.netpol.diff.ConnectivityDiff;
import dev.gatehouse.netpol.diff.DiffEntry;
import dev.gatehouse.netpol.diff.DiffType;
import dev.gatehouse.netpol.engine.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A diff as a Graphviz digraph in netpol-analyzer's layout: one cluster per namespace with its
 * workloads, then the other peers, the edges (the ingress controller's last), and a legend. Every
 * pair either side connects is drawn, unchanged ones in grey; added edges and new workloads are
 * green, removed edges red2 and lost workloads red, changed edges magenta with the new connections
 * and {@code (ref1: old)}; other peers are blue.
 */
final class DiffDot {
  private static final String ADDED = "#008000";
  private static final String REMOVED_EDGE = "red2";
  private static final String REMOVED_PEER = "red";
  private static final String CHANGED = "magenta";
  private static final String UNCHANGED = "grey";
  private static final String PERSISTENT = "blue";

  private static final String LEGEND =
      """
      \tnodesep=0.5
      \tsubgraph cluster_legend {
      \t\tlabel="Legend"
      \t\tfontsize = 10
      \t\tmargin=0
      \t\ta [style=invis height=0 width=0]
      \t\tb [style=invis height=0 width=0]
      \t\tc [style=invis height=0 width=0]
      \t\td [style=invis height=0 width=0]
      \t\te [style=invis height=0 width=0]
      \t\tf [style=invis height=0 width=0]
      \t\tg [style=invis height=0 width=0]
      \t\th [style=invis height=0 width=0]
      \t\t{rank=source a b c d}
      \t\t{rank=same e f g h}
      \t\ta -> b [label="added connection", color="#008000" fontcolor="#008000" fontsize = 10 arrowsize=0.2]
      \t\tc -> d [label="removed connection", color="red2" fontcolor="red2" fontsize = 10 arrowsize=0.2]
      \t\te -> f [label="changed connection", color="magenta" fontcolor="magenta" fontsize = 10 arrowsize=0.2]
      \t\tg -> h [label="unchanged connection", color="grey" fontcolor="grey" fontsize = 10 arrowsize=0.2]
      \t\tnp [label="new peer" color="#008000" fontcolor="#008000" fontsize = 10]
      \t\tlp [label="lost peer" color="red" fontcolor="red" fontsize = 10]
      \t\tpp [label="persistent peer" color="blue" fontcolor="blue" fontsize = 10]
      \t\t{rank=sink np lp pp}
      \t\tnp->lp [style=invis]
      \t\tlp->pp [style=invis]
      \t}
      }""";

  private DiffDot() {}

  static String render(ConnectivityDiff diff) {
    Map<String, Node> peers = new TreeMap<>();
    List<String> edges = new ArrayList<>();
    List<String> ingressEdges = new ArrayList<>();
    for (List<DiffEntry> group : List.of(diff.unchanged(), diff.entries())) {
      for (DiffEntry e : group) {
        visit(e.src(), e.srcAddedOrRemoved(), e.type(), peers);
        visit(e.dst(), e.dstAddedOrRemoved(), e.type(), peers);
        (e.fromIngressController() ? ingressEdges : edges).add(edge(e));
      }
    }
    edges.sort(null);
    ingressEdges.sort(null);
    StringBuilder sb = new StringBuilder("digraph {\n");
    namespaces(peers, sb);
    peers.forEach(
        (label, n) -> {
          if (!(n.peer() instanceof Peer.WorkloadPeer)) {
            sb.append('\t').append(node(label, label, n.color())).append('\n');
          }
        });
    edges.forEach(e -> sb.append(e).append('\n'));
    ingressEdges.forEach(e -> sb.append(e).append('\n'));
    return sb.append(LEGEND).toString();
  }

  /** A peer of the graph and its colour. */
  private record Node(Peer peer, String color) {}

  /** The first entry naming a peer decides its colour (unchanged entries are visited first). */
  private static void visit(
      Peer p, boolean addedOrRemoved, DiffType type, Map<String, Node> peers) {
    String color = PERSISTENT;
    if (addedOrRemoved && type == DiffType.ADDED) {
      color = ADDED;
    } else if (addedOrRemoved && type == DiffType.REMOVED) {
      color = REMOVED_PEER;
    }
    peers.putIfAbsent(p.label(), new Node(p, color));
  }

  /** One cluster per namespace (sorted), holding its workloads by their names in the namespace. */
  private static void namespaces(Map<String, Node> peers, StringBuilder sb) {
    Map<String, List<Map.Entry<String, Node>>> byNamespace = new TreeMap<>();
    for (Map.Entry<String, Node> e : peers.entrySet()) {
      if (e.getValue().peer() instanceof Peer.WorkloadPeer w) {
        byNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(e);
      }
    }
    byNamespace.forEach(
        (ns, nodes) -> {
          // Graphviz does not take "-" in subgraph names; netpol-analyzer writes "_" instead.
          sb.append("\tsubgraph \"cluster_")
              .append(ns.replace('-', '_'))
              .append("[namespace]\" {\n\t\tcolor=\"black\"\n\t\tfontcolor=\"black\"\n");
          for (Map.Entry<String, Node> n : nodes) {
            String name = n.getKey().substring(ns.length() + 1);
            sb.append("\t\t").append(node(n.getKey(), name, n.getValue().color())).append('\n');
          }
          sb.append("\t\tlabel=\"").append(ns).append("[namespace]\"\n\t}\n");
        });
  }

  private static String node(String id, String label, String color) {
    return quote(id)
        + " [label="
        + quote(label)
        + " color="
        + quote(color)
        + " fontcolor="
        + quote(color)
        + "]";
  }

  private static String edge(DiffEntry e) {
    String src = e.src().label();
    String dst = e.dst().label();
    String label =
        switch (e.type()) {
          case UNCHANGED, REMOVED -> e.before().text();
          case ADDED -> e.after().text();
          case CHANGED -> e.after().text() + " (ref1: " + e.before().text() + ")";
        };
    String color =
        switch (e.type()) {
          case UNCHANGED -> UNCHANGED;
          case REMOVED -> REMOVED_EDGE;
          case ADDED -> ADDED;
          case CHANGED -> CHANGED;
        };
    // netpol-analyzer's edge weight: 0.5 when the source sorts before the destination, else 1.
    String weight = src.compareTo(dst) <= 0 ? "0.5" : "1";
    return "\t"
        + quote(src)
        + " -> "
        + quote(dst)
        + " [label="
        + quote(label)
        + " color="
        + quote(color)
        + " fontcolor="
        + quote(color)
        + " weight="
        + weight
        + "]";
  }

  /** A Graphviz string literal as Go's {@code %q} writes the labels that occur here. */
  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
