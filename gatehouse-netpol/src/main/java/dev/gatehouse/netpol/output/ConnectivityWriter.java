package dev.gatehouse.netpol.output;

import dev.gatehouse.netpol.engine.Connection;
import dev.gatehouse.netpol.engine.ConnectivityReport;
import dev.gatehouse.netpol.engine.FocusConnection;
import dev.gatehouse.netpol.engine.Peer;
import java.util.List;
import java.util.Optional;

/**
 * Renders a {@link ConnectivityReport} in netpol-analyzer's formats, so its golden files and the
 * scripts people wrote around it keep working.
 */
public final class ConnectivityWriter {
  private ConnectivityWriter() {}

  /** Renders {@code report} in {@code format}; the text ends without a trailing newline. */
  public static String render(ConnectivityReport report, OutputFormat format) {
    return render(report, format, Optional.empty());
  }

  /**
   * Renders {@code report}, focused on {@code connection} when given (see {@link
   * ConnectivityReport#onConnection}): then txt starts with {@code Permitted connections on TCP
   * 8080:} and txt, json, csv and md list {@code src, dst} pairs without connections.
   */
  public static String render(
      ConnectivityReport report, OutputFormat format, Optional<FocusConnection> connection) {
    List<Rows.Row> rows = Rows.of(report.connections());
    boolean withConn = connection.isEmpty();
    return switch (format) {
      case TXT -> strip(txt(rows, connection));
      case JSON -> Rows.json(rows, 0, withConn, false);
      case CSV -> Rows.csv(rows, withConn, false);
      case MD -> Rows.md(rows, withConn, false);
      case DOT -> graph(report).render();
    };
  }

  /** The txt lines of the connections (with their header when focused), each ending a line. */
  static String txt(List<Rows.Row> rows, Optional<FocusConnection> connection) {
    String header = connection.map(c -> "Permitted connections on " + c + ":\n").orElse("");
    return header + Rows.txt(rows, connection.isEmpty());
  }

  static String strip(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * One cluster per namespace holding the report's workloads and every workload a connection names
   * (so a focused report still shows its connections' other ends), then the other peers, then the
   * edges.
   */
  static DotGraph graph(ConnectivityReport report) {
    DotGraph g = new DotGraph();
    for (Peer p : report.workloads()) {
      if (p instanceof Peer.WorkloadPeer) {
        g.workload(p);
      }
    }
    for (Connection c : report.connections()) {
      g.connection(c);
    }
    return g;
  }
}
