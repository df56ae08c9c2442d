package dev.gatehouse.cli.admission;

import dev.gatehouse.admission.EngineChoice;
import dev.gatehouse.admission.EngineUnavailableException;
import dev.gatehouse.admission.ScopedEnforcementAction;
import dev.gatehouse.admission.verify.SuiteRunner;
import dev.gatehouse.admission.verify.VerifyReport;
import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.UserException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse admission verify PATH...}: runs gator suites ({@code test.gatekeeper.sh}
 * Suites); prints {@code ok}/{@code FAIL} per test and {@code N passed, N failed}; exit 1 on
 * failure, 3 when a suite cannot be read.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Run gator suites (test.gatekeeper.sh/v1alpha1 Suite). PATH is a suite file, a directory"
          + " (suites directly in it) or DIR/... (recursive).",
      "Exit 0 if every test passes, 1 if one fails, 3 if a suite cannot be read."
    })
public final class AdmissionVerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Suite files or directories.")
  List<String> paths = new ArrayList<>();

  @Option(
      names = "--run",
      paramLabel = "REGEX",
      description = "Run only tests or cases matching REGEX (TEST//CASE to match both).")
  String run = "";

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description = "auto (CEL when a template has it, as gator), cel or rego.")
  EngineChoice engine = EngineChoice.AUTO;

  @Option(
      names = {"-v", "--verbose"},
      description = "Also list the cases of passing tests.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> filter = run.isEmpty() ? Optional.empty() : Optional.of(run);
    try {
      filter.ifPresent(com.google.re2j.Pattern::compile);
    } catch (com.google.re2j.PatternSyntaxException e) {
      throw new UserException(
          "--run: invalid regular expression: " + e.getMessage(), ExitCodes.USAGE);
    }
    VerifyReport report;
    try {
      var eng = Engines.build(engine, ScopedEnforcementAction.GATOR);
      eng.checkAvailable();
      report = SuiteRunner.create(eng, filter).run(paths);
    } catch (EngineUnavailableException e) {
      throw Engines.unavailable(e);
    }
    report.problems().forEach(p -> err.println("gatehouse: " + p));
    err.flush();
    print(report, out);
    if (report.tests().isEmpty() && report.problems().isEmpty()) {
      throw new UserException(
          "no suites (or no matching tests) found in " + String.join(" ", paths), ExitCodes.ERROR);
    }
    if (report.failed() > 0) {
      return ExitCodes.FINDINGS;
    }
    return report.problems().isEmpty() ? ExitCodes.OK : ExitCodes.ERROR;
  }

  private void print(VerifyReport report, PrintWriter out) {
    for (VerifyReport.TestOutcome t : report.tests()) {
      String name = t.suiteName() + "/" + t.test();
      switch (t.status()) {
        case PASS ->
            out.println(
                "ok    "
                    + name
                    + " ("
                    + t.cases()
                    + " case"
                    + (t.cases() == 1 ? "" : "s")
                    + ")"
                    + (verbose ? "  " + t.suite() : ""));
        case SKIP -> out.println("skip  " + name);
        case FAIL -> {
          out.println("FAIL  " + name + "  " + t.suite());
          t.failures().forEach(f -> out.println("      " + f.replace("\n", "\n      ")));
        }
      }
    }
    long skipped =
        report.tests().stream().filter(t -> t.status() == VerifyReport.Status.SKIP).count();
    out.println(
        report.passed()
            + " passed, "
            + report.failed()
            + " failed"
            + (skipped > 0 ? ", " + skipped + " skipped" : ""));
    out.flush();
  }
}
