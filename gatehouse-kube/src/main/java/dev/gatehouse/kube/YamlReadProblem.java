package dev.gatehouse.kube;

/** A document that parses as YAML but cannot be read into a Jackson tree, at the line it names. */
final class YamlReadProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int line;

  YamlReadProblem(int line, String message) {
    super(message);
    this.line = line;
  }

  /** The 1-based line of the file where the problem is. */
  int line() {
    return line;
  }
}
