package dev.gatehouse.cli.netpol;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.InputOptions;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.netpol.engine.ConnectivityAnalysis;
import dev.gatehouse.netpol.engine.ConnectivityFocus;
import dev.gatehouse.netpol.engine.ConnectivityReport;
import dev.gatehouse.netpol.engine.ExposureAnalysis;
import dev.gatehouse.netpol.engine.ExposureReport;
import dev.gatehouse.netpol.engine.FocusConnection;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.output.ConnectivityWriter;
import dev.gatehouse.netpol.output.ExposureWriter;
import dev.gatehouse.netpol.output.OutputFormat;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
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

  @Mixin EngineOption engine = new EngineOption();

  @Mixin ExplainOptions explain = new ExplainOptions();

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

  @Option(
      names = {"--focus-workload-peer", "--focusworkload-peer"},
      split = ",",
      paramLabel = "[NS/]NAME",
      description =
          "With --focus-workload: only connections between a focus workload and these workloads.")
  List<String> focusPeers = new ArrayList<>();

  @Option(
      names = "--focus-direction",
      paramLabel = "ingress|egress",
      description =
          "With --focus-workload: only connections into (ingress) or out of (egress) the focus"
              + " workloads.")
  @Nullable String focusDirection;

  @Option(
      names = "--focus-conn",
      paramLabel = "PROTOCOL-PORT",
      description = "Only connections that allow this one, e.g. tcp-8080 or udp-53.")
  @Nullable String focusConn;

  @Option(
      names = "--exposure",
      description =
          "Also report what workloads are exposed to: the entire cluster, pods that policy"
              + " selectors would select (existing or not), external addresses.")
  boolean exposure;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OutputFormat format = NetworkInput.format(output);
    ConnectivityFocus focused = new ConnectivityFocus(focus, focusPeers, direction());
    Optional<FocusConnection> connection = focusConnection();
    explain.check(format);
    NetworkInput in = NetworkInput.load(input, engine.options(), err);
    boolean exposed = exposure && ExposureAnalysis.supports(focused);
    if (exposure && !exposed) {
      err.println("gatehouse: warning: --exposure is ignored with --focus-workload-peer");
    }
    if (explain.requested()) {
      out.print(explain.render(in.network(), focused, connection));
      if (exposed) {
        out.println();
        out.print(
            ExposureWriter.txtSection(ExposureAnalysis.run(in.network(), focused, connection)));
      }
      out.flush();
      return ExitCodes.OK;
    }
    if (exposed) {
      ExposureReport report = ExposureAnalysis.run(in.network(), focused, connection);
      out.println(ExposureWriter.render(report, format));
      return ExitCodes.OK;
    }
    ConnectivityReport report = ConnectivityAnalysis.run(in.network()).focus(focused);
    if (connection.isPresent()) {
      report = report.onConnection(connection.get());
    }
    out.println(ConnectivityWriter.render(report, format, connection));
    return ExitCodes.OK;
  }

  private Optional<FocusConnection> focusConnection() {
    if (focusConn == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(FocusConnection.parse(focusConn));
    } catch (IllegalArgumentException e) {
      throw new UserException("--focus-conn " + e.getMessage(), ExitCodes.USAGE);
    }
  }

  private Optional<Direction> direction() {
    if (focusDirection == null) {
      return Optional.empty();
    }
    return switch (focusDirection.toLowerCase(Locale.ROOT)) {
      case "ingress" -> Optional.of(Direction.INGRESS);
      case "egress" -> Optional.of(Direction.EGRESS);
      default ->
          throw new UserException(
              "--focus-direction must be ingress or egress, not \"" + focusDirection + "\"",
              ExitCodes.USAGE);
    };
  }
}
