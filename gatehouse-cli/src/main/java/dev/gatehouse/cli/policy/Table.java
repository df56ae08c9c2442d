package dev.gatehouse.cli.policy;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A kubectl-style table: upper-case headers, columns padded to their widest cell and separated by
 * three spaces, the last column unpadded.
 */
public final class Table {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  /** A table with these column headers. */
  public Table(String... headers) {
    this.headers = List.of(headers);
  }

  /** Adds a row (as many cells as headers). */
  public Table row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "a row needs " + headers.size() + " cells, not " + cells.length);
    }
    rows.add(List.of(cells));
    return this;
  }

  /** Whether no row was added. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Prints the headers and rows. */
  public void print(PrintWriter out) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> r : rows) {
        widths[i] = Math.max(widths[i], r.get(i).length());
      }
    }
    line(headers, widths, out);
    rows.forEach(r -> line(r, widths, out));
  }

  private static void line(List<String> cells, int[] widths, PrintWriter out) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      sb.append(c);
      if (i < cells.size() - 1) {
        sb.append(" ".repeat(widths[i] - c.length() + 3));
      }
    }
    out.println(sb.toString().stripTrailing());
  }
}
