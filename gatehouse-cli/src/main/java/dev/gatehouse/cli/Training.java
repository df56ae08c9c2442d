package dev.gatehouse.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run behind {@code ./gatehouse}'s ahead-of-time cache (JDK 25 {@code
 * -XX:AOTCacheOutput}): runs the network commands once, in one JVM, on a small generated cluster
 * with every policy kind, so the cache holds the classes, linkage and profiles a real run needs.
 * Output is discarded; the generated cluster is deleted. Not a user command.
 *
 * <p>Usage: {@code Training} (exits 0 when every command ran with its expected exit code).
 */
public final class Training {
  private Training() {}

  /** Runs the training commands; exits 1 if one of them failed unexpectedly. */
  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("gatehouse-training");
    try {
      System.exit(train(dir.resolve("cluster").toString()) ? 0 : 1);
    } finally {
      delete(dir);
    }
  }

  /** Runs every training command on a cluster generated into {@code cluster}; true if all ran. */
  static boolean train(String cluster) {
    boolean ok =
        run(
            0,
            "generate-cluster",
            "-o",
            cluster,
            "--workloads",
            "300",
            "--namespaces",
            "6",
            "--admin-and-cilium");
    for (String format : List.of("txt", "json", "csv", "md", "dot")) {
      ok &= run(0, "connectivity", "-f", cluster, "-o", format);
    }
    ok &= run(0, "connectivity", "-f", cluster, "--engine", "cilium");
    ok &= run(0, "connectivity", "-f", cluster, "--exposure");
    ok &= run(0, "diff", "--base", cluster, "--new", cluster);
    ok &= run(-1, "lint", "-f", cluster);
    return ok;
  }

  /** Runs one command line; {@code expected} -1 accepts any exit code below 2. */
  private static boolean run(int expected, String... args) {
    PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
    int code = Main.run(args, sink, sink);
    return expected < 0 ? code < 2 : code == expected;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
