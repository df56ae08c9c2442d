package dev.gatehouse.netpol.output;

import dev.gatehouse.netpol.diff.ConnectivityDiff;
import dev.gatehouse.netpol.diff.DiffEntry;
import dev.gatehouse.netpol.diff.DiffSummary;
import dev.gatehouse.netpol.engine.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Renders a {@link ConnectivityDiff}: {@code txt}, {@code csv}, {@code md} and {@code dot} exactly
 * as netpol-analyzer's {@code diff} writes them ({@code pkg/netpol/diff/diff_formatter*.go}), and
 * {@code json} in a shape of our own that also carries the summary.
 *
 * <p>The netpol-analyzer formats list changed, added and removed entries (each group's lines sorted
 * as text), then the ingress controller's entries in the same three groups; the two sides are named
 * {@code ref1} (base) and {@code ref2} (new). An empty diff renders as nothing in those formats.
 */
public final class DiffWriter {
  private static final String TXT_HEADER = "Connectivity diff:";
  private static final String CSV_HEADER =
      "diff-type,source,destination,ref1,ref2,workloads-diff-info\n";
  private static final String MD_HEADER =
      "| diff-type | source | destination | ref1 | ref2 | workloads-diff-info |\n"
          + "|-----------|--------|-------------|------|------|---------------------|";

  private DiffWriter() {}

  /** Renders {@code diff} in {@code format}; the text ends without a trailing newline. */
  public static String render(ConnectivityDiff diff, OutputFormat format) {
    if (format == OutputFormat.JSON) {
      return json(diff);
    }
    if (diff.isEmpty()) {
      return "";
    }
    return switch (format) {
      case TXT -> TXT_HEADER + "\n" + String.join("\n", lines(diff, DiffWriter::txtLine));
      case CSV -> CSV_HEADER + String.join("\n", lines(diff, DiffWriter::csvLine));
      case MD -> MD_HEADER + "\n" + String.join("\n", lines(diff, DiffWriter::mdLine));
      case DOT -> DiffDot.render(diff);
      case JSON -> throw new AssertionError("handled above");
    };
  }

  /**
   * The entries' lines: changed, added, removed, then the ingress controller's changed, added,
   * removed, each group sorted as text (as netpol-analyzer sorts its formatted lines).
   */
  private static List<String> lines(ConnectivityDiff diff, Function<DiffEntry, String> line) {
    List<String> out = new ArrayList<>(diff.entries().size());
    List<String> group = new ArrayList<>();
    DiffEntry previous = null;
    for (DiffEntry e : diff.entries()) {
      if (previous != null
          && (previous.type() != e.type()
              || previous.fromIngressController() != e.fromIngressController())) {
        group.sort(null);
        out.addAll(group);
        group.clear();
      }
      group.add(line.apply(e));
      previous = e;
    }
    group.sort(null);
    out.addAll(group);
    return out;
  }

  private static String txtLine(DiffEntry e) {
    String line =
        "diff-type: "
            + e.type().text()
            + ", source: "
            + e.src().label()
            + ", destination: "
            + e.dst().label()
            + ", ref1: "
            + e.before().text()
            + ", ref2: "
            + e.after().text();
    String info = e.workloadsDiffInfo();
    return info.isEmpty() ? line : line + ", workloads-diff-info: " + info;
  }

  private static String csvLine(DiffEntry e) {
    return String.join(
        ",",
        Csv.field(e.type().text()),
        Csv.field(e.src().label()),
        Csv.field(e.dst().label()),
        Csv.field(e.before().text()),
        Csv.field(e.after().text()),
        Csv.field(e.workloadsDiffInfo()));
  }

  private static String mdLine(DiffEntry e) {
    return "| "
        + String.join(
            " | ",
            e.type().text(),
            e.src().label(),
            e.dst().label(),
            e.before().text(),
            e.after().text(),
            e.workloadsDiffInfo())
        + " |";
  }

  /**
   * {@code {"entries": [{diffType, src, dst, ref1, ref2, workloadsDiffInfo}...], "summary": {added,
   * removed, changed, newlyIsolated: {ingress: [...], egress: [...]}}}}, entries in the order of
   * {@link ConnectivityDiff#entries()}.
   */
  private static String json(ConnectivityDiff diff) {
    StringBuilder sb = new StringBuilder("{\n  \"entries\": [");
    List<DiffEntry> entries = diff.entries();
    for (int i = 0; i < entries.size(); i++) {
      DiffEntry e = entries.get(i);
      sb.append(i == 0 ? "\n" : ",\n")
          .append("    {\n")
          .append(jsonField("diffType", e.type().text(), true))
          .append(jsonField("src", e.src().label(), true))
          .append(jsonField("dst", e.dst().label(), true))
          .append(jsonField("ref1", e.before().text(), true))
          .append(jsonField("ref2", e.after().text(), true))
          .append(jsonField("workloadsDiffInfo", e.workloadsDiffInfo(), false))
          .append("    }");
    }
    sb.append(entries.isEmpty() ? "],\n" : "\n  ],\n");
    DiffSummary s = diff.summary();
    sb.append("  \"summary\": {\n")
        .append("    \"added\": ")
        .append(s.added())
        .append(",\n    \"removed\": ")
        .append(s.removed())
        .append(",\n    \"changed\": ")
        .append(s.changed())
        .append(",\n    \"newlyIsolated\": {\n      \"ingress\": ")
        .append(jsonLabels(s.newlyIsolatedIngress()))
        .append(",\n      \"egress\": ")
        .append(jsonLabels(s.newlyIsolatedEgress()))
        .append("\n    }\n  }\n}");
    return sb.toString();
  }

  private static String jsonField(String name, String value, boolean more) {
    return "      \"" + name + "\": " + Json.quote(value) + (more ? ",\n" : "\n");
  }

  private static String jsonLabels(List<Peer> peers) {
    List<String> quoted = peers.stream().map(p -> Json.quote(p.label())).toList();
    return "[" + String.join(", ", quoted) + "]";
  }
}
