package dev.gatehouse.cli.policy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the CLI in-process and keeps what it printed. */
public final class CliRun {
  /** The exit code. */
  public final int code;

  /** What went to stdout. */
  public final String out;

  /** What went to stderr. */
  public final String err;

  private CliRun(int code, String out, String err) {
    this.code = code;
    this.out = out;
    this.err = err;
  }

  /** Runs {@code gatehouse args...}. */
  public static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  /**
   * {@code examples/azure-policy/<name>}, as a path string (skips when the definitions are absent).
   */
  public static String example(String name) {
    assumeTrue(
        AzureOptions.searchShared().isPresent(), "shared/conformance/azure-policy not found");
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path e = p.resolve("examples/azure-policy");
      if (Files.isDirectory(e)) {
        return e.resolve(name).toString();
      }
    }
    throw new AssertionError("examples/azure-policy not found");
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
