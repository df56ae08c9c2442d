package dev.gatehouse.cli.netpol;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.InputOptions;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.netpol.engine.ConnectivityAnalysis;
import dev.gatehouse.netpol.engine.ConnectivityReport;
import dev.gatehouse.netpol.output.ConnectivityWriter;
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

/** {@code gatehouse connectivity}: every allowed connection between workloads and addresses. */
@Command(
    name = "connectivity",
    mixinStandardHelpOptions = true,
    description =
        "List the connections the policies allow between workloads and external addresses.")
public final class ConnectivityCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();

  @Option(
      names = {"-o", "--output"},
      defaultValue = "txt",
      description = "Output format: txt, json, csv, md, dot (default: ${DEFAULT-VALUE}).")
  String output = "txt";

  @Option(
      names = {"--focus-workload", "--focusworkload"},
      split = ",",
      paramLabel = "[NS/]NAME",
      description = "Only connections from or to these workloads.")
  List<String> focus = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OutputFormat format =
        OutputFormat.parse(output)
            .orElseThrow(
                () ->
                    new UserException(
                        "unknown output format \"" + output + "\" (txt, json, csv, md, dot)",
                        ExitCodes.USAGE));
    NetworkInput in = NetworkInput.load(input, err);
    ConnectivityReport report = ConnectivityAnalysis.run(in.network());
    report = report.focusOn(focus);
    out.println(ConnectivityWriter.render(report, format));
    return ExitCodes.OK;
  }
}
