package dev.gatehouse.bench.kube;

import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.netpol.synth.ClusterGenerator;
import dev.gatehouse.netpol.synth.GeneratedCluster;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * Parsing the manifests of a generated cluster (1,000 application workloads in 10 namespaces by
 * default: 1.2 MB of YAML in 26 files, 1,376 documents), one thread, through the public {@link
 * KubeLoader#parse} — YAML to Jackson trees with line marks and the loader's checks, no file I/O.
 *
 * <p>The scenario {@code tiered} adds the generator's AdminNetworkPolicies and
 * CiliumNetworkPolicies. To compare with another build of gatehouse-kube, put its classes first on
 * the class path; JMH's forks inherit it.
 *
 * <p>Run: {@code java -jar gatehouse-bench/target/benchmarks.jar KubeLoadBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class KubeLoadBenchmark {
  /** Application workloads of the generated cluster (100 per namespace). */
  @Param("1000")
  int workloads;

  /** {@code plain} (NetworkPolicies) or {@code tiered} (with admin and Cilium policies). */
  @Param("plain")
  String scenario = "plain";

  private List<Map.Entry<String, String>> files = List.of();

  /** Generates the cluster's files. */
  @Setup
  public void setup() {
    GeneratedCluster cluster =
        ClusterGenerator.generate(
            new ClusterGenerator.Options(
                Math.max(1, workloads / 100), workloads, 1, scenario.equals("tiered")));
    files = List.copyOf(cluster.files().entrySet());
  }

  /** Parses every file; returns the number of objects. */
  @Benchmark
  public int parseCluster() {
    Diagnostics d = new Diagnostics();
    int objects = 0;
    for (Map.Entry<String, String> f : files) {
      objects += KubeLoader.parse(f.getValue(), f.getKey(), d).size();
    }
    if (d.hasErrors()) {
      throw new IllegalStateException(d.all().toString());
    }
    return objects;
  }
}
