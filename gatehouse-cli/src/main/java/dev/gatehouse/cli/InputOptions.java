package dev.gatehouse.cli;

import dev.gatehouse.kube.Diagnostic;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.KubeObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code -f PATH} and {@code --strict} options shared by commands that read manifests. */
public final class InputOptions {
  @Option(
      names = {"-f", "--filename"},
      paramLabel = "PATH",
      required = true,
      description = "A file, a directory (recursive; .yaml/.yml/.json) or - for stdin. Repeatable.")
  List<String> files = new ArrayList<>();

  @Option(names = "--strict", description = "Exit 3 on any warning or error in the input.")
  boolean strict;

  /** The paths given with {@code -f}. */
  public List<String> files() {
    return files;
  }

  /** Whether {@code --strict} was given. */
  public boolean strict() {
    return strict;
  }

  /** Loads every path, reporting problems into {@code diagnostics}. */
  public List<KubeObject> load(Diagnostics diagnostics) {
    return KubeLoader.standard().load(files, diagnostics);
  }

  /**
   * Prints every diagnostic to {@code err} as {@code gatehouse: file:line: message}; fails with
   * exit 3 when {@code --strict} and there is a problem, or when a named path does not exist.
   */
  public void report(Diagnostics diagnostics, PrintWriter err) {
    for (Diagnostic d : diagnostics.all()) {
      err.println("gatehouse: " + d.render());
    }
    err.flush();
    boolean missing = diagnostics.all().stream().anyMatch(d -> d.code().equals("no-such-file"));
    if (missing) {
      throw new UserException("input path not found", ExitCodes.ERROR);
    }
    if (strict && diagnostics.hasProblems()) {
      throw new UserException("--strict: the input has problems (see above)", ExitCodes.ERROR);
    }
  }
}
