package dev.gatehouse.netpol.output;

import dev.gatehouse.netpol.engine.ExposureReport;
import dev.gatehouse.netpol.engine.ExposureTarget;
import dev.gatehouse.netpol.engine.FocusConnection;
import dev.gatehouse.netpol.engine.Peer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Renders an {@link ExposureReport} as netpol-analyzer's {@code --exposure} output: the
 * connectivity section, then {@code Exposure Analysis Result:} with the egress exposures (sorted by
 * workload, then peer) and the ingress exposures (sorted the same way, the workload first), and in
 * txt the workloads no policy protects. With a focus connection, headers name it ({@code Exposure
 * Analysis Result On TCP 8080:}) and rows carry no connections.
 *
 * <p>In txt, exposure lines are {@code %-Ns \t=> \tpeer : conn} with N the longest exposed workload
 * label ({@code <=} for ingress). Graphs draw exposures as dashed edges to the {@code
 * entire-cluster} diamond or to red nodes in red namespace clusters; external ranges appear only
 * through the connectivity edges.
 */
public final class ExposureWriter {
  private ExposureWriter() {}

  /** Renders {@code report} in {@code format}; the text ends without a trailing newline. */
  public static String render(ExposureReport report, OutputFormat format) {
    Sections s = Sections.of(report);
    Optional<FocusConnection> connection = report.connection();
    List<Rows.Row> conns = Rows.of(report.connectivity().connections());
    boolean withConn = connection.isEmpty();
    String header = header(connection);
    return switch (format) {
      case TXT -> ConnectivityWriter.strip(txt(report, s, conns, header));
      case JSON -> json(s, conns, withConn);
      case CSV ->
          Rows.csv(conns, withConn, false)
              + header
              + ",,\n"
              + csvSection("Egress Exposure:", s.egress(), withConn, false)
              + csvSection("Ingress Exposure:", s.ingress(), withConn, true);
      case MD ->
          Rows.md(conns, withConn, false)
              + "\n## "
              + header
              + mdSection("Egress Exposure:", s.egress(), withConn, false)
              + mdSection("Ingress Exposure:", s.ingress(), withConn, true);
      case DOT -> dot(report);
    };
  }

  /** Exposure rows: egress as {@code workload, peer}, ingress as {@code peer, workload}. */
  private record Sections(List<Rows.Row> egress, List<Rows.Row> ingress, List<String> unprotected) {
    static Sections of(ExposureReport report) {
      List<Rows.Row> egress = new ArrayList<>();
      List<Rows.Row> ingress = new ArrayList<>();
      List<String> unprotected = new ArrayList<>();
      for (ExposureReport.ExposedWorkload w : report.workloads()) {
        String self = w.workload().label();
        for (ExposureReport.Entry e : w.egress().entries()) {
          egress.add(new Rows.Row(self, label(e.target()), e.connection().text()));
        }
        for (ExposureReport.Entry e : w.ingress().entries()) {
          ingress.add(new Rows.Row(label(e.target()), self, e.connection().text()));
        }
        if (!w.egress().isProtected()) {
          unprotected.add(self + " is not protected on Egress");
        }
        if (!w.ingress().isProtected()) {
          unprotected.add(self + " is not protected on Ingress");
        }
      }
      egress.sort(Comparator.comparing(Rows.Row::src).thenComparing(Rows.Row::dst));
      ingress.sort(Comparator.comparing(Rows.Row::dst).thenComparing(Rows.Row::src));
      unprotected.sort(null);
      return new Sections(egress, ingress, unprotected);
    }
  }

  private static String label(ExposureTarget t) {
    return switch (t) {
      case ExposureTarget.EntireCluster e -> "entire-cluster";
      case ExposureTarget.Representative r -> RepresentativeLabels.text(r);
      case ExposureTarget.External x -> x.peer().label();
    };
  }

  private static String txt(
      ExposureReport report, Sections s, List<Rows.Row> conns, String header) {
    String connlist = ConnectivityWriter.txt(conns, report.connection());
    return (connlist.isEmpty() ? "" : connlist + "\n") + section(report, s, header);
  }

  /**
   * The exposure section alone in txt, as netpol-analyzer appends it to an explanation ({@code
   * --explain --exposure}).
   */
  public static String txtSection(ExposureReport report) {
    return ConnectivityWriter.strip(
        section(report, Sections.of(report), header(report.connection())));
  }

  private static String header(Optional<FocusConnection> connection) {
    return "Exposure Analysis Result" + connection.map(c -> " On " + c).orElse("") + ":";
  }

  private static String section(ExposureReport report, Sections s, String header) {
    StringBuilder sb = new StringBuilder(header).append('\n');
    int width =
        report.workloads().stream().mapToInt(w -> w.workload().label().length()).max().orElse(0);
    boolean withConn = report.connection().isEmpty();
    if (!s.egress().isEmpty()) {
      sb.append("Egress Exposure:\n");
      s.egress().forEach(r -> sb.append(line(r.src(), "=>", r.dst(), r.conn(), width, withConn)));
    }
    if (!s.ingress().isEmpty()) {
      sb.append(s.egress().isEmpty() ? "" : "\n").append("Ingress Exposure:\n");
      s.ingress().forEach(r -> sb.append(line(r.dst(), "<=", r.src(), r.conn(), width, withConn)));
    }
    if (withConn && !s.unprotected().isEmpty()) {
      sb.append("\nWorkloads not protected by network policies:\n");
      s.unprotected().forEach(u -> sb.append(u).append('\n'));
    }
    return sb.toString();
  }

  private static String line(
      String workload, String arrow, String peer, String conn, int width, boolean withConn) {
    String padded = width == 0 ? workload : String.format("%-" + width + "s", workload);
    return padded + " \t" + arrow + " \t" + peer + (withConn ? " : " + conn : "") + "\n";
  }

  private static String json(Sections s, List<Rows.Row> conns, boolean withConn) {
    String conn = withConn ? "" : "_conn_focus";
    return "{\n  \"connlist"
        + conn
        + "_results\": "
        + Rows.json(conns, 1, withConn, false)
        + ",\n  \"exposure"
        + conn
        + "_results\": {\n    \"egress_exposure\": "
        + Rows.json(s.egress(), 2, withConn, withConn)
        + ",\n    \"ingress_exposure\": "
        + Rows.json(s.ingress(), 2, withConn, withConn)
        + "\n  }\n}";
  }

  private static String csvSection(
      String title, List<Rows.Row> rows, boolean withConn, boolean ingress) {
    return rows.isEmpty() ? "" : title + ",,\n" + Rows.csv(rows, withConn, ingress);
  }

  private static String mdSection(
      String title, List<Rows.Row> rows, boolean withConn, boolean ingress) {
    return rows.isEmpty() ? "" : "\n### " + title + "\n" + Rows.md(rows, withConn, ingress) + "\n";
  }

  private static String dot(ExposureReport report) {
    DotGraph g = ConnectivityWriter.graph(report.connectivity());
    for (ExposureReport.ExposedWorkload w : report.workloads()) {
      g.workload(w.workload());
      edges(g, w.workload(), w.ingress(), true);
      edges(g, w.workload(), w.egress(), false);
    }
    return g.render();
  }

  private static void edges(DotGraph g, Peer workload, ExposureReport.Side side, boolean ingress) {
    for (ExposureReport.Entry e : side.entries()) {
      String node;
      switch (e.target()) {
        case ExposureTarget.EntireCluster c -> {
          g.entireCluster();
          node = "entire-cluster";
        }
        case ExposureTarget.Representative r -> {
          node = RepresentativeLabels.nodeId(r);
          g.representative(
              RepresentativeLabels.namespace(r, false), node, RepresentativeLabels.pods(r, false));
        }
        case ExposureTarget.External x -> {
          continue;
        }
      }
      String text = e.connection().text();
      String self = workload.label();
      if (ingress) {
        g.edge(node, self, text, "darkorange2", "1", " style=dashed");
      } else {
        g.edge(self, node, text, "darkorange4", "0.5", " style=dashed");
      }
    }
  }
}
