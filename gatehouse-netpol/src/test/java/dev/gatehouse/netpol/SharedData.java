package dev.gatehouse.netpol;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates {@code ../shared} (the conformance data) from the module or repository directory. */
public final class SharedData {
  private SharedData() {}

  /** The shared folder, if present beside the repository. */
  public static Optional<Path> root() {
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("conformance");
      if (Files.isDirectory(candidate) && !dir.resolve("pom.xml").toFile().exists()) {
        return Optional.of(dir.resolve("shared"));
      }
      Path sibling = dir.resolveSibling("shared");
      if (Files.isDirectory(sibling.resolve("conformance"))) {
        return Optional.of(sibling);
      }
    }
    return Optional.empty();
  }
}
