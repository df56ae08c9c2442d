package dev.gatehouse.bench.netpol;

import dev.gatehouse.netpol.synth.ClusterGenerator;
import dev.gatehouse.netpol.synth.GeneratedCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Bounded load and timing runner for connectivity at scale. For each size it generates a cluster
 * (100 application workloads per namespace, seed 1) into a work directory, then runs {@link
 * ScaleRun} {@code --repeats} times, each in a fresh JVM ({@code -Xmx} as given for the size,
 * ParallelGC), and optionally the CLI under {@code /usr/bin/time -v} with the same {@code -Xmx} (in
 * {@code GATEHOUSE_JAVA_OPTS}); prints a Markdown table of medians with the min–max spread.
 *
 * <p>Run: {@code java -cp gatehouse-bench/target/benchmarks.jar
 * dev.gatehouse.bench.netpol.ConnectivityScale --sizes 1000,5000,20000 --repeats 3 --cli
 * ./gatehouse}
 *
 * <p>Options: {@code --sizes}, {@code --repeats} (3), {@code --xmx} (per size, the last repeated:
 * 1g,1g,3g), {@code --full-reference-up-to} (5000: larger sizes run the reference sampled), {@code
 * --sample} (200 source rows), {@code --cli PATH}, {@code --work DIR} (a temporary directory),
 * {@code --timeout} (seconds per child, 900), {@code --admin-and-cilium} (issue 3's scenario: the
 * generator's 20 AdminNetworkPolicies, baseline and 300 CiliumNetworkPolicies on top, analysed with
 * {@code --engine cilium}; the reference evaluator, which knows only NetworkPolicy, is not run).
 */
public final class ConnectivityScale {
  private ConnectivityScale() {}

  /** Runs the measurements; see the class comment. */
  public static void main(String[] args) throws IOException, InterruptedException {
    ScaleOptions o;
    try {
      o = ScaleOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(
          "ConnectivityScale: " + e.getMessage() + " (options: see the class comment)");
      System.exit(2);
      return;
    }
    System.out.println(Machine.describe());
    if (o.cli().isPresent()) {
      Cli.prime(o.cli().get());
    }
    List<String> rows = new ArrayList<>();
    for (int index = 0; index < o.sizes().size(); index++) {
      int size = o.sizes().get(index);
      String xmx = o.xmxFor(index);
      int namespaces = Math.max(1, size / 100);
      GeneratedCluster cluster =
          ClusterGenerator.generate(
              new ClusterGenerator.Options(namespaces, size, 1, o.adminAndCilium()));
      Path dir = o.work().resolve("cluster-" + size + (o.adminAndCilium() ? "-tiered" : ""));
      cluster.writeTo(dir);
      String reference =
          o.adminAndCilium()
              ? "none"
              : size <= o.fullReferenceUpTo() ? "full" : "sampled:" + o.sample();
      List<String> engine = o.adminAndCilium() ? List.of("--engine", "cilium") : List.of();
      List<Map<String, String>> runs = new ArrayList<>();
      List<Map<String, String>> cli = new ArrayList<>();
      for (int r = 0; r < o.repeats(); r++) {
        runs.add(child(o, dir, reference, xmx, engine));
        if (o.cli().isPresent()) {
          cli.add(
              Cli.time(o.cli().get(), dir, o.work().resolve("cli-" + size + ".txt"), xmx, engine));
        }
      }
      rows.add(row(cluster, xmx, runs, cli));
      System.out.println(rows.getLast());
    }
    System.out.println();
    System.out.println(Table.HEADER);
    rows.forEach(System.out::println);
  }

  private static Map<String, String> child(
      ScaleOptions o, Path dir, String reference, String xmx, List<String> engine)
      throws IOException, InterruptedException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path out = dir.resolveSibling(dir.getFileName() + "-out.txt");
    List<String> cmd = new ArrayList<>();
    cmd.addAll(
        List.of(
            javaBin,
            "-Xmx" + xmx,
            "-XX:+UseParallelGC",
            "-Xss16m",
            "-cp",
            System.getProperty("java.class.path"),
            ScaleRun.class.getName(),
            dir.toString(),
            out.toString(),
            reference));
    if (!engine.isEmpty()) {
      cmd.add(engine.getLast());
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(o.timeoutSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("measurement exceeded " + o.timeoutSeconds() + " s: " + dir);
    }
    Optional<String> result = text.lines().filter(l -> l.startsWith("RESULT ")).findFirst();
    if (p.exitValue() != 0 || result.isEmpty()) {
      throw new IllegalStateException("measurement failed (exit " + p.exitValue() + "):\n" + text);
    }
    Map<String, String> kv = new LinkedHashMap<>();
    for (String f : result.get().substring(7).split(" ")) {
      int eq = f.indexOf('=');
      kv.put(f.substring(0, eq), f.substring(eq + 1));
    }
    System.err.println(result.get());
    return kv;
  }

  private static String row(
      GeneratedCluster c,
      String xmx,
      List<Map<String, String>> runs,
      List<Map<String, String>> cli) {
    Table t = new Table(runs);
    Table tc = new Table(cli);
    String ratio =
        runs.getFirst().containsKey("reference_ms")
            ? String.format(
                Locale.ROOT,
                "%.0f× (%s)",
                t.median("reference_ms") / (t.median("compile_ms") + t.median("connectivity_ms")),
                runs.stream().allMatch(r -> "1".equals(r.get("reference_agrees")))
                    ? "same lines"
                    : "DIFFERENT")
            : "—";
    return String.join(
        " | ",
        "| "
            + c.workloads()
            + " ("
            + c.namespaces()
            + " ns, "
            + c.policies()
            + " policies"
            + (c.ciliumPolicies() > 0
                ? " + " + c.adminPolicies() + " ANP/BANP + " + c.ciliumPolicies() + " CNP"
                : "")
            + ")",
        xmx,
        runs.getFirst().get("lines"),
        t.cell("load_ms"),
        t.cell("compile_ms"),
        t.cell("connectivity_ms"),
        t.cell("output_ms"),
        t.cell("total_ms"),
        t.cell("cpu_ms"),
        t.cell("peak_heap_mb") + " / " + t.cell("retained_heap_mb"),
        runs.getFirst().containsKey("reference_ms")
            ? t.cell("reference_ms") + " " + runs.getFirst().get("reference_mode")
            : "—",
        ratio,
        cli.isEmpty()
            ? "— |"
            : tc.cell("wall_ms")
                + " / "
                + tc.cell("cpu_ms")
                + " / "
                + tc.cell("max_rss_mb")
                + " |");
  }
}
