package dev.gatehouse.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.kube.Diagnostics;
import java.io.IOException;
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

  /**
   * Asserts that {@code actual} equals the expected file {@code name} of the netpol conformance
   * data under {@code netpol}, by the data's comparison rule (line breaks ignored); on a mismatch
   * the actual output is also written to {@code target/conformance-actual/NAME} for diffing.
   */
  public static void assertMatchesExpected(
      Path netpol, String name, String actual, Diagnostics diagnostics) throws IOException {
    String expected = Files.readString(netpol.resolve("expected").resolve(name));
    if (!clean(actual).equals(clean(expected))) {
      Path out = Path.of("target/conformance-actual");
      Files.createDirectories(out);
      Files.writeString(out.resolve(name), actual);
    }
    assertThat(clean(actual)).as("diagnostics: %s", diagnostics.all()).isEqualTo(clean(expected));
  }

  private static String clean(String s) {
    return s.replace("\n", "").replace("\r", "");
  }
}
