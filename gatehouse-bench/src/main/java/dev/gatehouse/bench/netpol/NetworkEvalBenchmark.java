package dev.gatehouse.bench.netpol;

import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.compile.PolicyCompiler;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.ConnectivityAnalysis;
import dev.gatehouse.netpol.engine.Endpoint;
import dev.gatehouse.netpol.engine.EngineOptions;
import dev.gatehouse.netpol.engine.EngineProfile;
import dev.gatehouse.netpol.engine.NetworkEngine;
import dev.gatehouse.netpol.engine.Verdict;
import dev.gatehouse.netpol.synth.ClusterGenerator;
import dev.gatehouse.netpol.synth.GeneratedCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one {@code allowed(src, dst)} and one {@code explain(src, dst, proto, port)} on a
 * compiled generated cluster (5,000 application workloads in 50 namespaces by default), for random
 * pairs: 90% workload → workload, 10% workload → external address.
 *
 * <p>Steady state: the engine computes each subject's per-direction result on first use and caches
 * it; the setup touches every subject in both directions before measuring, so the numbers are for a
 * warm, fully cached network (the cost of a cold subject is part of the analysis time that {@link
 * ConnectivityScale} reports).
 *
 * <p>Run: {@code java -jar gatehouse-bench/target/benchmarks.jar NetworkEvalBenchmark} (add {@code
 * -p adminAndCilium=true,false} for issue 3's scenario too)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NetworkEvalBenchmark {
  private static final int PAIRS = 1 << 12;

  /** Application workloads of the generated cluster. */
  @Param("5000")
  int workloads;

  /** Application namespaces of the generated cluster. */
  @Param("50")
  int namespaces;

  /**
   * Whether the cluster also has 20 AdminNetworkPolicies, the BANP and 300 Cilium policies (issue
   * 3's scenario, analysed with the Cilium profile).
   */
  @Param("false")
  boolean adminAndCilium;

  private @Nullable CompiledNetwork net;
  private Endpoint[] src = new Endpoint[PAIRS];
  private Endpoint[] dst = new Endpoint[PAIRS];
  private int[] ports = new int[PAIRS];
  private int next;

  /** Generates and compiles the cluster, draws the pairs and warms every subject's result. */
  @Setup
  public void setup() {
    GeneratedCluster cluster =
        ClusterGenerator.generate(
            new ClusterGenerator.Options(namespaces, workloads, 42, adminAndCilium));
    Diagnostics d = new Diagnostics();
    ClusterSnapshot snapshot = cluster.snapshot(d);
    CompiledNetwork net =
        NetworkEngine.compile(
            snapshot,
            PolicyCompiler.compile(snapshot, d),
            d,
            EngineOptions.of(adminAndCilium ? EngineProfile.CILIUM : EngineProfile.DEFAULT));
    this.net = net;
    List<Endpoint> endpoints = new ArrayList<>();
    for (Workload w : snapshot.workloads()) {
      endpoints.add(net.resolve(w.namespace() + "/" + w.name()).orElseThrow());
    }
    Endpoint internet = net.resolve("93.184.216.34").orElseThrow();
    ConnectivityAnalysis.run(net);
    SplittableRandom random = new SplittableRandom(7);
    int[] common = {53, 80, 443, 5432, 6379, 8080, 9000, 9090};
    for (int i = 0; i < PAIRS; i++) {
      src[i] = endpoints.get(random.nextInt(endpoints.size()));
      dst[i] = random.nextInt(10) == 0 ? internet : endpoints.get(random.nextInt(endpoints.size()));
      ports[i] = common[random.nextInt(common.length)];
    }
  }

  /** Every connection allowed between a random pair. */
  @Benchmark
  public ConnectionSet allowed() {
    int i = next++ & (PAIRS - 1);
    return network().allowed(src[i], dst[i]);
  }

  /** The verdict and the responsible rules for TCP to one port of a random pair. */
  @Benchmark
  public Verdict explainPort() {
    int i = next++ & (PAIRS - 1);
    return network().explain(src[i], dst[i], Optional.of(Protocol.TCP), OptionalInt.of(ports[i]));
  }

  /** The verdict and the responsible rules for any connection of a random pair. */
  @Benchmark
  public Verdict explainAny() {
    int i = next++ & (PAIRS - 1);
    return network().explain(src[i], dst[i], Optional.empty(), OptionalInt.empty());
  }

  private CompiledNetwork network() {
    return Objects.requireNonNull(net, "setup did not run");
  }
}
