package dev.gatehouse.bench.netpol;

import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.netpol.compile.PolicyCompiler;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.ConnectivityAnalysis;
import dev.gatehouse.netpol.engine.ConnectivityReport;
import dev.gatehouse.netpol.engine.EngineOptions;
import dev.gatehouse.netpol.engine.EngineProfile;
import dev.gatehouse.netpol.engine.NetworkEngine;
import dev.gatehouse.netpol.output.ConnectivityWriter;
import dev.gatehouse.netpol.output.OutputFormat;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One measurement in a fresh JVM (started by {@link ConnectivityScale}): loads a directory of
 * manifests, compiles, runs connectivity, renders txt to a file, then times the reference evaluator
 * on the same snapshot; prints one {@code RESULT key=value ...} line.
 *
 * <p>Usage: {@code ScaleRun DIR OUT.txt full|sampled:N|none [ENGINE]} (an {@link EngineProfile}
 * flag, {@code default} when absent).
 */
public final class ScaleRun {
  private ScaleRun() {}

  /** Runs one measurement; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String reference = args[2];
    EngineOptions engine =
        EngineOptions.of(
            args.length > 3 ? EngineProfile.parse(args[3]).orElseThrow() : EngineProfile.DEFAULT);
    HeapUsage heap = HeapUsage.start();
    long t0 = System.nanoTime();
    Diagnostics d = new Diagnostics();
    List<KubeObject> objects = KubeLoader.standard().load(List.of(dir.toString()), d);
    ClusterSnapshot snapshot = ClusterSnapshot.of(objects, d);
    long t1 = System.nanoTime();
    CompiledNetwork net =
        NetworkEngine.compile(snapshot, PolicyCompiler.compile(snapshot, d), d, engine);
    long t2 = System.nanoTime();
    ConnectivityReport report = ConnectivityAnalysis.run(net);
    long t3 = System.nanoTime();
    Files.writeString(out, ConnectivityWriter.render(report, OutputFormat.TXT));
    long t4 = System.nanoTime();
    long cpu = processCpuNanos();
    long peak = heap.peakBytes();
    long retained = HeapUsage.retainedBytes();
    Reference.reachabilityFence(report);
    StringBuilder line = new StringBuilder("RESULT");
    count(line, "workloads", snapshot.workloads().size());
    count(line, "identities", net.identities().size());
    count(line, "lines", report.connections().size());
    count(line, "errors", d.hasErrors() ? 1 : 0);
    put(line, "load_ms", ms(t1 - t0));
    put(line, "compile_ms", ms(t2 - t1));
    put(line, "connectivity_ms", ms(t3 - t2));
    put(line, "output_ms", ms(t4 - t3));
    put(line, "total_ms", ms(t4 - t0));
    put(line, "cpu_ms", ms(cpu));
    put(line, "peak_heap_mb", peak / 1048576.0);
    put(line, "retained_heap_mb", retained / 1048576.0);
    put(line, "max_heap_mb", HeapUsage.maxBytes() / 1048576.0);
    if (!reference.equals("none")) {
      ReferenceTiming.Result r =
          reference.equals("full")
              ? ReferenceTiming.full(snapshot, net, report)
              : ReferenceTiming.sampled(
                  snapshot, net, report, Integer.parseInt(reference.substring(8)));
      put(line, "reference_ms", r.millis());
      count(line, "reference_agrees", r.agrees() ? 1 : 0);
      count(line, "reference_pairs", r.pairs());
      line.append(" reference_mode=").append(r.mode().replace(' ', '_'));
    }
    System.out.println(line);
  }

  /**
   * CPU time of the whole JVM so far (every thread: the analysis, JIT compilers, GC), which a
   * shared machine disturbs much less than wall time.
   */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static void count(StringBuilder line, String key, long value) {
    line.append(' ').append(key).append('=').append(value);
  }

  private static void put(StringBuilder line, String key, double value) {
    line.append(' ').append(key).append('=').append(String.format(Locale.ROOT, "%.1f", value));
  }
}
