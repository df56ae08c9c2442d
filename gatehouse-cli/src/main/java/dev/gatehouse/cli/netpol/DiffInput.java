package dev.gatehouse.cli.netpol;

import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.Diagnostic;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.netpol.compile.PolicyCompiler;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.EngineOptions;
import dev.gatehouse.netpol.engine.NetworkEngine;
import java.io.PrintWriter;
import java.util.List;

/**
 * One side of {@code gatehouse diff} (the base or the new manifests): loaded and compiled, with its
 * input problems printed as {@code gatehouse: SIDE: file:line: message} so that a file read by both
 * sides says which reading a problem comes from.
 *
 * @param missingPath some path of this side does not exist
 */
record DiffInput(String side, CompiledNetwork network, boolean hasProblems, boolean missingPath) {

  /** Loads {@code paths}, compiles them with {@code options} and prints their diagnostics. */
  static DiffInput load(String side, List<String> paths, EngineOptions options, PrintWriter err) {
    Diagnostics diagnostics = new Diagnostics();
    List<KubeObject> objects = KubeLoader.standard().load(paths, diagnostics);
    ClusterSnapshot snapshot = ClusterSnapshot.of(objects, diagnostics);
    CompiledNetwork network =
        NetworkEngine.compile(
            snapshot, PolicyCompiler.compile(snapshot, diagnostics), diagnostics, options);
    for (Diagnostic d : diagnostics.all()) {
      err.println("gatehouse: " + side + ": " + d.render());
    }
    err.flush();
    boolean missing = diagnostics.all().stream().anyMatch(d -> d.code().equals("no-such-file"));
    return new DiffInput(side, network, diagnostics.hasProblems(), missing);
  }
}
