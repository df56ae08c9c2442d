package dev.gatehouse.kube;

/**
 * A position in an input file: the file as the user named it, and a 1-based line and column (0 when
 * unknown).
 */
public record SourceLocation(String file, int line, int column) {

  /** A location naming only a file. */
  public static SourceLocation ofFile(String file) {
    return new SourceLocation(file, 0, 0);
  }

  /** This location moved to another line of the same file. */
  public SourceLocation atLine(int newLine) {
    return new SourceLocation(file, newLine, 0);
  }

  /** Renders as {@code file:line} (or just {@code file} when the line is unknown). */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
