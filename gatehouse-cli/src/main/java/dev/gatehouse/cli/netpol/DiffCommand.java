package dev.gatehouse.cli.netpol;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.netpol.diff.ConnectivityDiff;
import dev.gatehouse.netpol.engine.EngineOptions;
import dev.gatehouse.netpol.output.DiffWriter;
import dev.gatehouse.netpol.output.OutputFormat;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse diff}: the connections that a change of policies or workloads adds, removes or
 * changes, in netpol-analyzer's diff formats (or JSON with a summary).
 *
 * <p>Standard output carries only the diff, so the netpol-analyzer formats stay byte-compatible;
 * the one-line summary goes to standard error for those formats and into the document for JSON.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Show the connections added, removed and changed between two sets of manifests (--base,"
            + " --new).")
public final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--base",
      required = true,
      arity = "1..*",
      paramLabel = "PATH",
      description = "The manifests before the change: files, directories or -. Repeatable.")
  List<String> base = new ArrayList<>();

  @Option(
      names = "--new",
      required = true,
      arity = "1..*",
      paramLabel = "PATH",
      description = "The manifests after the change: files, directories or -. Repeatable.")
  List<String> next = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      defaultValue = "txt",
      description = "Output format: txt, csv, md, dot, json (default: ${DEFAULT-VALUE}).")
  String output = "txt";

  @Option(names = "--exit-code", description = "Exit 1 when the diff is not empty, 0 otherwise.")
  boolean exitCode;

  @Option(names = "--strict", description = "Exit 3 on any warning or error in either input.")
  boolean strict;

  @Mixin EngineOption engine = new EngineOption();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OutputFormat format = NetworkInput.format(output);
    if (base.contains("-") && next.contains("-")) {
      throw new UserException("only one of --base and --new can read stdin (-)", ExitCodes.USAGE);
    }
    EngineOptions options = engine.options();
    DiffInput before = DiffInput.load("base", base, options, err);
    DiffInput after = DiffInput.load("new", next, options, err);
    check(before, after);
    ConnectivityDiff diff = ConnectivityDiff.of(before.network(), after.network());
    String text = DiffWriter.render(diff, format);
    if (!text.isEmpty()) {
      out.println(text);
    }
    out.flush();
    if (format != OutputFormat.JSON) {
      err.println(diff.summary().line());
      err.flush();
    }
    return exitCode && !diff.isEmpty() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /** Fails when a path is missing on either side, or on any problem with {@code --strict}. */
  private void check(DiffInput... sides) {
    for (DiffInput side : sides) {
      if (side.missingPath()) {
        throw new UserException("--" + side.side() + ": input path not found", ExitCodes.ERROR);
      }
    }
    for (DiffInput side : sides) {
      if (strict && side.hasProblems()) {
        throw new UserException(
            "--strict: the " + side.side() + " input has problems (see above)", ExitCodes.ERROR);
      }
    }
  }
}
