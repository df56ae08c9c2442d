package dev.gatehouse.cli.netpol;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.InputOptions;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.netpol.compile.PolicyCompiler;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.EngineOptions;
import dev.gatehouse.netpol.engine.NetworkEngine;
import dev.gatehouse.netpol.ir.CompiledPolicies;
import dev.gatehouse.netpol.output.OutputFormat;
import java.io.PrintWriter;
import java.util.List;

/** Loads manifests and compiles the network engine, reporting input problems once. */
record NetworkInput(ClusterSnapshot snapshot, CompiledPolicies policies, CompiledNetwork network) {

  static NetworkInput load(InputOptions input, PrintWriter err) {
    return load(input, EngineOptions.DEFAULT, err);
  }

  /** Loads and compiles with the given engine options. */
  static NetworkInput load(InputOptions input, EngineOptions options, PrintWriter err) {
    Diagnostics diagnostics = new Diagnostics();
    List<KubeObject> objects = input.load(diagnostics);
    ClusterSnapshot snapshot = ClusterSnapshot.of(objects, diagnostics);
    CompiledPolicies policies = PolicyCompiler.compile(snapshot, diagnostics);
    CompiledNetwork network = NetworkEngine.compile(snapshot, policies, diagnostics, options);
    input.report(diagnostics, err);
    return new NetworkInput(snapshot, policies, network);
  }

  /**
   * The {@code -o} value of the network commands as a format.
   *
   * @throws UserException with {@link ExitCodes#USAGE} when it is not one
   */
  static OutputFormat format(String output) {
    return OutputFormat.parse(output)
        .orElseThrow(
            () ->
                new UserException(
                    "unknown output format \"" + output + "\" (txt, json, csv, md, dot)",
                    ExitCodes.USAGE));
  }
}
