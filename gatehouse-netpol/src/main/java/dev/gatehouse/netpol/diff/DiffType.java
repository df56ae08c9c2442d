package dev.gatehouse.netpol.diff;

/** How the connections from one peer to another differ between the base and the new manifests. */
public enum DiffType {
  /** Allowed in both, but not the same connections. */
  CHANGED("changed"),
  /** Allowed only in the new manifests. */
  ADDED("added"),
  /** Allowed only in the base manifests. */
  REMOVED("removed"),
  /** The same connections in both (listed only by the {@code dot} rendering). */
  UNCHANGED("nonChanged");

  private final String text;

  DiffType(String text) {
    this.text = text;
  }

  /** The name netpol-analyzer prints in its {@code diff-type} column ({@code added}, ...). */
  public String text() {
    return text;
  }
}
