package dev.gatehouse.netpol.output;

import dev.gatehouse.netpol.engine.Connection;
import dev.gatehouse.netpol.engine.Peer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tables of {@code src, dst, conn} rows in netpol-analyzer's txt, json, csv and md formats, shared
 * by the connectivity and exposure writers. Without connection column ({@code withConn} false),
 * rows are printed as pairs, as netpol-analyzer does for {@code --focus-conn}.
 */
final class Rows {
  private Rows() {}

  /** One row: two peer labels and the connections between them. */
  record Row(String src, String dst, String conn) {}

  /**
   * The rows of connections, in their order. Connections of a report share their peer objects and
   * often their connection sets, so each label and each connection text is built once.
   */
  static List<Row> of(List<Connection> conns) {
    Map<Peer, String> labels = new IdentityHashMap<>();
    Map<List<Object>, String> texts = new HashMap<>();
    List<Row> out = new ArrayList<>(conns.size());
    for (Connection c : conns) {
      out.add(
          new Row(
              labels.computeIfAbsent(c.src(), Peer::label),
              labels.computeIfAbsent(c.dst(), Peer::label),
              texts.computeIfAbsent(List.of(c.conns(), c.l7()), k -> c.text())));
    }
    return out;
  }

  /** {@code src => dst : conn} lines (or {@code src => dst}), each ending with a newline. */
  static String txt(List<Row> rows, boolean withConn) {
    StringBuilder sb = new StringBuilder();
    for (Row r : rows) {
      sb.append(r.src()).append(" => ").append(r.dst());
      if (withConn) {
        sb.append(" : ").append(r.conn());
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * A JSON array of {@code {src, dst[, conn]}} objects as Go's {@code json.MarshalIndent} writes it
   * at nesting depth {@code depth} (two spaces per level); {@code []} when empty, or {@code null}
   * when {@code nullWhenEmpty} (a nil Go slice).
   */
  static String json(List<Row> rows, int depth, boolean withConn, boolean nullWhenEmpty) {
    if (rows.isEmpty()) {
      return nullWhenEmpty ? "null" : "[]";
    }
    String in = "  ".repeat(depth);
    StringBuilder sb = new StringBuilder("[\n");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      sb.append(in).append("  {\n");
      sb.append(in).append("    \"src\": ").append(Json.quote(r.src())).append(",\n");
      sb.append(in).append("    \"dst\": ").append(Json.quote(r.dst()));
      if (withConn) {
        sb.append(",\n").append(in).append("    \"conn\": ").append(Json.quote(r.conn()));
      }
      sb.append('\n').append(in).append(i + 1 < rows.size() ? "  },\n" : "  }\n");
    }
    return sb.append(in).append(']').toString();
  }

  /** A CSV header and rows; {@code dstFirst} swaps the first two columns. */
  static String csv(List<Row> rows, boolean withConn, boolean dstFirst) {
    StringBuilder sb = new StringBuilder();
    csvLine(sb, dstFirst ? "dst" : "src", dstFirst ? "src" : "dst", withConn ? "conn" : null);
    for (Row r : rows) {
      csvLine(
          sb,
          Csv.field(dstFirst ? r.dst() : r.src()),
          Csv.field(dstFirst ? r.src() : r.dst()),
          withConn ? Csv.field(r.conn()) : null);
    }
    return sb.toString();
  }

  private static void csvLine(
      StringBuilder sb, String a, String b, @org.jspecify.annotations.Nullable String c) {
    sb.append(a).append(',').append(b);
    if (c != null) {
      sb.append(',').append(c);
    }
    sb.append('\n');
  }

  /** A Markdown table: header, rule, rows (no trailing newline); {@code dstFirst} swaps columns. */
  static String md(List<Row> rows, boolean withConn, boolean dstFirst) {
    StringBuilder sb = new StringBuilder();
    String first = dstFirst ? "dst" : "src";
    String second = dstFirst ? "src" : "dst";
    sb.append(
        withConn
            ? "| " + first + " | " + second + " | conn |\n|-----|-----|------|"
            : "| " + first + " | " + second + " |\n|-----|-----|");
    for (Row r : rows) {
      sb.append("\n| ")
          .append(dstFirst ? r.dst() : r.src())
          .append(" | ")
          .append(dstFirst ? r.src() : r.dst());
      if (withConn) {
        sb.append(" | ").append(r.conn());
      }
      sb.append(" |");
    }
    return sb.toString();
  }
}
