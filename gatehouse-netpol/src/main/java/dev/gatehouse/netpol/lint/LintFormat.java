package dev.gatehouse.netpol.lint;

import java.util.Locale;
import java.util.Optional;

/** The output formats of a lint report. */
public enum LintFormat {
  /** One block per finding and a summary line, for people. */
  TABLE,
  /** The findings and a summary as JSON. */
  JSON,
  /** SARIF 2.1.0, for code scanning. */
  SARIF,
  /** JUnit XML, for CI test dashboards. */
  JUNIT;

  /** The format named {@code s} (case-insensitive). */
  public static Optional<LintFormat> parse(String s) {
    for (LintFormat f : values()) {
      if (f.name().equals(s.toUpperCase(Locale.ROOT))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
