package dev.gatehouse.netpol.output;

import java.util.Locale;
import java.util.Optional;

/** The formats connectivity can be printed in. */
public enum OutputFormat {
  /** One {@code src => dst : conn} line per connection (netpol-analyzer's txt). */
  TXT,
  /** An array of {@code {src, dst, conn}} objects. */
  JSON,
  /** {@code src,dst,conn} rows with a header. */
  CSV,
  /** A Markdown table. */
  MD,
  /** A Graphviz digraph with one cluster per namespace. */
  DOT;

  /** Parses a format name (case-insensitively). */
  public static Optional<OutputFormat> parse(String s) {
    try {
      return Optional.of(valueOf(s.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
