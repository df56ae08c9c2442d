package dev.gatehouse.admission;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the shared conformance data ({@code shared/conformance}) from the module directory: {@code
 * ../shared} or {@code ../../shared} first (module or reactor root next to {@code shared}), then
 * any ancestor's {@code shared} or sibling {@code shared}. The data is read in place, never copied.
 */
public final class SharedConformance {
  private SharedConformance() {}

  /** {@code shared/conformance/<sub>}, if present. */
  public static Optional<Path> find(String sub) {
    Path here = Path.of("").toAbsolutePath();
    List<Path> candidates = new ArrayList<>();
    candidates.add(here.resolve("../shared/conformance"));
    candidates.add(here.resolve("../../shared/conformance"));
    for (Path p = here; p != null; p = p.getParent()) {
      candidates.add(p.resolve("shared/conformance"));
    }
    for (Path c : candidates) {
      Path dir = c.resolve(sub).normalize();
      if (Files.isDirectory(dir)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** A message for the assumption that skips a test when {@code sub} is absent. */
  public static String absent(String sub) {
    return "shared/conformance/" + sub + " not found near " + Path.of("").toAbsolutePath();
  }
}
