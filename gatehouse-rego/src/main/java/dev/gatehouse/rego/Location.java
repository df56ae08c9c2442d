package dev.gatehouse.rego;

/**
 * A position in Rego source: file name, 1-based row and column.
 *
 * @param file the module's file name as given to the compiler (or "query")
 * @param row 1-based line
 * @param col 1-based column
 */
public record Location(String file, int row, int col) {
  /** A location for problems not tied to any source text. */
  public static final Location NONE = new Location("", 0, 0);

  /** {@code file:row:col}, or the empty string for {@link #NONE}. */
  @Override
  public String toString() {
    return row == 0 ? file : file + ":" + row + ":" + col;
  }
}
