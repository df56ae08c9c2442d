package dev.gatehouse.netpol;

import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.netpol.compile.PolicyCompiler;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.NetworkEngine;
import java.util.List;

/** Test helper: manifests (paths or YAML text) to a compiled network. */
public final class Pipeline {
  private Pipeline() {}

  /** Loads paths and compiles. */
  public static CompiledNetwork fromPaths(Diagnostics d, String... paths) {
    List<KubeObject> objects = KubeLoader.standard().load(List.of(paths), d);
    return compile(objects, d);
  }

  /** Parses YAML text and compiles. */
  public static CompiledNetwork fromYaml(String yaml) {
    Diagnostics d = new Diagnostics();
    CompiledNetwork net = compile(KubeLoader.parse(yaml, "test.yaml", d), d);
    if (d.hasErrors()) {
      throw new AssertionError("unexpected errors: " + d.all());
    }
    return net;
  }

  /** Compiles loaded objects. */
  public static CompiledNetwork compile(List<KubeObject> objects, Diagnostics d) {
    ClusterSnapshot snapshot = ClusterSnapshot.of(objects, d);
    return NetworkEngine.compile(snapshot, PolicyCompiler.compile(snapshot, d), d);
  }
}
