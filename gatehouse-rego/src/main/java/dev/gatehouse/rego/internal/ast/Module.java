package dev.gatehouse.rego.internal.ast;

import dev.gatehouse.rego.Location;
import java.util.List;

/**
 * A parsed module.
 *
 * @param file the file name used in locations
 * @param packagePath the package path without the leading {@code data}
 * @param imports the imports other than future keywords and {@code rego.v1}
 * @param rules the rules in source order
 */
public record Module(
    String file, List<String> packagePath, Location loc, List<Import> imports, List<Rule> rules) {
  /** Copies the lists. */
  public Module {
    packagePath = List.copyOf(packagePath);
    imports = List.copyOf(imports);
    rules = List.copyOf(rules);
  }

  /**
   * An import of {@code data...} or {@code input...} under an alias.
   *
   * @param path the imported path, starting with {@code data} or {@code input}
   * @param alias the name the module uses for it
   */
  public record Import(List<String> path, String alias, Location loc) {
    /** Copies the path. */
    public Import {
      path = List.copyOf(path);
    }
  }
}
