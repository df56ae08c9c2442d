package dev.gatehouse.kube;

/** How bad a {@link Diagnostic} is; commands decide the exit code from the worst one. */
public enum Severity {
  /** The input cannot be used as written; the object or document was skipped. */
  ERROR,
  /** Something was ignored or is probably a mistake; results are still computed. */
  WARNING,
  /** Information about what was skipped on purpose (e.g. kinds an analysis does not use). */
  INFO;

  /** The lower-case word used in rendered messages. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
