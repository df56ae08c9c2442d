package dev.gatehouse.bench.netpol;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Medians and spreads of repeated measurements, formatted for a Markdown table. */
final class Table {
  static final String HEADER =
      "| workloads | -Xmx | lines | load ms | compile ms | connectivity ms | output ms | end-to-end ms |"
          + " CPU ms | peak / retained heap MiB | reference ms | reference ÷ (compile+connectivity) |"
          + " CLI wall ms / CPU ms / max RSS MiB |\n"
          + "|---|---|---|---|---|---|---|---|---|---|---|---|---|";

  private final List<Map<String, String>> runs;

  Table(List<Map<String, String>> runs) {
    this.runs = runs;
  }

  /** The median of {@code key} over the runs. */
  double median(String key) {
    double[] v = values(key);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** {@code median (min–max)}, or the single value. */
  String cell(String key) {
    double[] v = values(key);
    if (v.length == 0) {
      return "—";
    }
    if (v.length == 1) {
      return fmt(v[0]);
    }
    return fmt(median(key)) + " (" + fmt(v[0]) + "–" + fmt(v[v.length - 1]) + ")";
  }

  private double[] values(String key) {
    return runs.stream()
        .filter(r -> r.containsKey(key))
        .mapToDouble(r -> Double.parseDouble(r.get(key)))
        .sorted()
        .toArray();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
  }
}
