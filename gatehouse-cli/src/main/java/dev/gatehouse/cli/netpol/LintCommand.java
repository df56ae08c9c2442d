package dev.gatehouse.cli.netpol;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.InputOptions;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.cli.policy.Documents;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.engine.EngineOptions;
import dev.gatehouse.netpol.lint.LintFormat;
import dev.gatehouse.netpol.lint.LintOptions;
import dev.gatehouse.netpol.lint.LintReport;
import dev.gatehouse.netpol.lint.LintWriter;
import dev.gatehouse.netpol.lint.RuleCatalog;
import dev.gatehouse.netpol.lint.RuleInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse lint}: likely mistakes in network policies, read with the workloads of the
 * input. Exit 0 when no finding is at or above {@code --fail-on} (default error), 1 otherwise, 2 on
 * a usage error, 3 on input problems with {@code --strict}.
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Report likely mistakes in network policies (rule catalogue: docs/lint.md).",
      "Exit 0, or 1 when a finding is at or above --fail-on; 2 on usage errors; 3 on input"
          + " problems with --strict."
    })
public final class LintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();

  @Mixin EngineOption engine = new EngineOption();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (default), json, sarif or junit.")
  String output = "table";

  @Option(
      names = "--fail-on",
      paramLabel = "error|warning|info",
      defaultValue = "error",
      description = "Exit 1 when a finding has this severity or a higher one (default: error).")
  String failOn = "error";

  @Option(
      names = "--disable",
      split = ",",
      paramLabel = "ID",
      description = "Rules not to run, by id (NP001) or name (egress-dns-blocked). Repeatable.")
  List<String> disable = new ArrayList<>();

  @Option(
      names = {"-O", "--output-file"},
      paramLabel = "FILE",
      description = "Write the report to FILE (atomically) instead of stdout.")
  @Nullable Path outputFile;

  @Override
  public Integer call() {
    LintFormat format =
        LintFormat.parse(output)
            .orElseThrow(
                () ->
                    new UserException(
                        "unknown output format \"" + output + "\" (table, json, sarif, junit)",
                        ExitCodes.USAGE));
    Severity threshold = threshold();
    LintOptions options = new LintOptions(profile(), disabled());
    PrintWriter err = spec.commandLine().getErr();
    Diagnostics diagnostics = new Diagnostics();
    List<KubeObject> objects = input.load(diagnostics);
    LintReport report = dev.gatehouse.netpol.lint.Linter.run(objects, options, diagnostics);
    input.report(diagnostics, err);
    String text = LintWriter.render(report, format, threshold, version());
    Path file = outputFile;
    if (file != null) {
      Documents.writeAtomically(file, text);
    } else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    }
    if (diagnostics.hasErrors()) {
      // An object the API server would reject was skipped, so it was not linted: that must not
      // pass a CI gate.
      err.println(
          "gatehouse: lint: the input has errors (see above); the objects they name were skipped");
      return ExitCodes.ERROR;
    }
    return report.fails(threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private dev.gatehouse.netpol.engine.EngineProfile profile() {
    EngineOptions o = engine.options();
    return o.profile();
  }

  private Severity threshold() {
    return switch (failOn.toLowerCase(Locale.ROOT)) {
      case "error" -> Severity.ERROR;
      case "warning" -> Severity.WARNING;
      case "info" -> Severity.INFO;
      default ->
          throw new UserException(
              "--fail-on must be error, warning or info, not \"" + failOn + "\"", ExitCodes.USAGE);
    };
  }

  private Set<String> disabled() {
    List<String> unknown = RuleCatalog.unknownIds(disable);
    if (!unknown.isEmpty()) {
      throw new UserException(
          "--disable: unknown rule "
              + String.join(", ", unknown)
              + " (rules: "
              + String.join(", ", RuleCatalog.infos().stream().map(RuleInfo::id).toList())
              + ")",
          ExitCodes.USAGE);
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String s : disable) {
      RuleCatalog.find(s).ifPresent(r -> ids.add(r.id()));
    }
    return ids;
  }

  private static String version() {
    String v = LintCommand.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
