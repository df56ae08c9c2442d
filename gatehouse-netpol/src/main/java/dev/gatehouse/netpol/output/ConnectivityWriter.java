package dev.gatehouse.netpol.output;

import dev.gatehouse.netpol.engine.Connection;
import dev.gatehouse.netpol.engine.ConnectivityReport;
import dev.gatehouse.netpol.engine.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a {@link ConnectivityReport} in netpol-analyzer's formats, so its golden files and the
 * scripts people wrote around it keep working.
 */
public final class ConnectivityWriter {
  private ConnectivityWriter() {}

  /** Renders {@code report} in {@code format}; the text ends without a trailing newline. */
  public static String render(ConnectivityReport report, OutputFormat format) {
    List<Connection> conns = report.connections();
    return switch (format) {
      case TXT -> txt(conns);
      case JSON -> json(conns);
      case CSV -> csv(conns);
      case MD -> md(conns);
      case DOT -> dot(report);
    };
  }

  private static String txt(List<Connection> conns) {
    StringBuilder sb = new StringBuilder();
    for (Connection c : conns) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      sb.append(c.src().label())
          .append(" => ")
          .append(c.dst().label())
          .append(" : ")
          .append(c.text());
    }
    return sb.toString();
  }

  private static String json(List<Connection> conns) {
    if (conns.isEmpty()) {
      return "[]";
    }
    StringBuilder sb = new StringBuilder("[\n");
    for (int i = 0; i < conns.size(); i++) {
      Connection c = conns.get(i);
      sb.append("  {\n")
          .append("    \"src\": ")
          .append(Json.quote(c.src().label()))
          .append(",\n")
          .append("    \"dst\": ")
          .append(Json.quote(c.dst().label()))
          .append(",\n")
          .append("    \"conn\": ")
          .append(Json.quote(c.text()))
          .append('\n')
          .append(i + 1 < conns.size() ? "  },\n" : "  }\n");
    }
    return sb.append(']').toString();
  }

  private static String csv(List<Connection> conns) {
    StringBuilder sb = new StringBuilder("src,dst,conn\n");
    for (Connection c : conns) {
      sb.append(Csv.field(c.src().label()))
          .append(',')
          .append(Csv.field(c.dst().label()))
          .append(',')
          .append(Csv.field(c.text()))
          .append('\n');
    }
    return sb.toString();
  }

  private static String md(List<Connection> conns) {
    StringBuilder sb = new StringBuilder("| src | dst | conn |\n|-----|-----|------|");
    for (Connection c : conns) {
      sb.append("\n| ")
          .append(c.src().label())
          .append(" | ")
          .append(c.dst().label())
          .append(" | ")
          .append(c.text())
          .append(" |");
    }
    return sb.toString();
  }

  /**
   * One cluster per namespace holding the report's workloads and every workload a connection names
   * (so a focused report still shows its connections' other ends), then the other peers, then the
   * edges.
   */
  private static String dot(ConnectivityReport report) {
    java.util.TreeSet<Peer> nodes = new java.util.TreeSet<>(report.workloads());
    for (Connection c : report.connections()) {
      for (Peer p : List.of(c.src(), c.dst())) {
        if (p instanceof Peer.WorkloadPeer) {
          nodes.add(p);
        }
      }
    }
    Map<String, List<Peer>> byNs = new TreeMap<>();
    for (Peer p : nodes) {
      byNs.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
    }
    StringBuilder sb = new StringBuilder("digraph {\n");
    byNs.forEach(
        (ns, peers) -> {
          // Graphviz does not take "-" in subgraph names; netpol-analyzer writes "_" instead.
          sb.append("\tsubgraph \"cluster_")
              .append(ns.replace('-', '_'))
              .append("[namespace]\" {\n");
          sb.append("\t\tcolor=\"black\"\n\t\tfontcolor=\"black\"\n");
          for (Peer p : peers) {
            String short_ = p.label().substring(ns.length() + 1);
            sb.append("\t\t\"")
                .append(p.label())
                .append("\" [label=\"")
                .append(short_)
                .append("\" color=\"blue\" fontcolor=\"blue\"]\n");
          }
          sb.append("\t\tlabel=\"").append(ns).append("[namespace]\"\n\t}\n");
        });
    java.util.TreeSet<String> others = new java.util.TreeSet<>();
    for (Connection c : report.connections()) {
      for (Peer p : List.of(c.src(), c.dst())) {
        if (!(p instanceof Peer.WorkloadPeer)) {
          others.add(p.label());
        }
      }
    }
    for (String o : others) {
      String color = o.endsWith("[External]") ? "red2" : "blue";
      sb.append("\t\"")
          .append(o)
          .append("\" [label=\"")
          .append(o)
          .append("\" color=\"")
          .append(color)
          .append("\" fontcolor=\"")
          .append(color)
          .append("\"]\n");
    }
    List<String> edges = new ArrayList<>();
    for (Connection c : report.connections()) {
      String s = c.src().label();
      String d = c.dst().label();
      String weight = s.compareTo(d) <= 0 ? "0.5" : "1";
      edges.add(
          "\t\""
              + s
              + "\" -> \""
              + d
              + "\" [label=\""
              + c.text()
              + "\" color=\"gold2\" fontcolor=\"darkgreen\" weight="
              + weight
              + "]");
    }
    edges.sort(null);
    edges.forEach(e -> sb.append(e).append('\n'));
    return sb.append('}').toString();
  }
}
