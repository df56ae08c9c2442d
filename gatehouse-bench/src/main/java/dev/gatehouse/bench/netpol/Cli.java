package dev.gatehouse.bench.netpol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times {@code gatehouse connectivity -f DIR} end to end (JVM start included) under {@code
 * /usr/bin/time -v}: wall clock and maximum resident set size. The JVM options are the {@code
 * ./gatehouse} defaults; the row's {@code -Xmx} is added through {@code JAVA_TOOL_OPTIONS}, which
 * the JVM reads on top of its command line.
 */
final class Cli {
  private Cli() {}

  /**
   * Runs {@code cli --version} once, untimed, so that a build of changed sources and the start-up
   * cache the script makes once per build are not part of the first measurement.
   */
  static void prime(Path cli) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(cli.toString(), "--version")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(cli + " --version failed");
    }
  }

  static Map<String, String> time(Path cli, Path dir, Path out, String xmx, List<String> extra)
      throws IOException, InterruptedException {
    Path err = out.resolveSibling(out.getFileName() + ".time");
    List<String> cmd =
        new ArrayList<>(
            List.of("/usr/bin/time", "-v", cli.toString(), "connectivity", "-f", dir.toString()));
    cmd.addAll(extra);
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("JAVA_TOOL_OPTIONS", "-Xmx" + xmx);
    Process p = pb.start();
    if (!p.waitFor(15, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("CLI run exceeded 15 minutes");
    }
    String text = Files.readString(err, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IllegalStateException("CLI failed (exit " + p.exitValue() + "):\n" + text);
    }
    Map<String, String> kv = new LinkedHashMap<>();
    for (String line : text.lines().map(String::trim).toList()) {
      if (line.startsWith("Elapsed (wall clock) time")) {
        kv.put("wall_ms", fmt(wallMillis(line.substring(line.lastIndexOf(' ') + 1))));
      } else if (line.startsWith("User time (seconds):")
          || line.startsWith("System time (seconds):")) {
        double seconds = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        double before = Double.parseDouble(kv.getOrDefault("cpu_ms", "0"));
        kv.put("cpu_ms", fmt(before + seconds * 1000));
      } else if (line.startsWith("Maximum resident set size (kbytes):")) {
        kv.put(
            "max_rss_mb", fmt(Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)) / 1024.0));
      }
    }
    System.err.println("CLI " + kv);
    return kv;
  }

  /** Parses {@code h:mm:ss} or {@code m:ss.cc}. */
  private static double wallMillis(String s) {
    String[] parts = s.split(":");
    double seconds = 0;
    for (String part : parts) {
      seconds = seconds * 60 + Double.parseDouble(part);
    }
    return seconds * 1000;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
