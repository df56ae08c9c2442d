package dev.gatehouse.netpol;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.netpol.engine.CompiledNetwork;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the netpol-analyzer conformance rows of {@code ../shared/conformance/netpol/cases.tsv} whose
 * options are a format, focus flags, {@code --focus-conn} and {@code --exposure} (not {@code
 * --explain}), comparing as its README says (equal after deleting line breaks). On a mismatch the
 * actual output is written to {@code target/conformance-actual/}.
 */
class NetpolConformanceTest {
  private static final Set<String> GROUPS = Set.of("a", "b", "d");

  @TestFactory
  Stream<DynamicTest> connectivityCases() throws IOException {
    java.util.Optional<Path> shared = SharedData.root();
    assumeTrue(shared.isPresent(), "../shared/conformance is not present");
    Path netpol = shared.get().resolve("conformance/netpol");
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : Files.readAllLines(netpol.resolve("cases.tsv")).stream().skip(1).toList()) {
      String[] f = line.split("\t");
      if (f.length < 4 || !GROUPS.contains(f[2])) {
        continue;
      }
      Case c = Case.parse(f[0], f[1], f[3]);
      if (c == null) {
        continue;
      }
      tests.add(DynamicTest.dynamicTest(f[1], () -> run(netpol, c)));
    }
    return tests.stream();
  }

  private static void run(Path netpol, Case c) throws IOException {
    Diagnostics d = new Diagnostics();
    CompiledNetwork net =
        Pipeline.fromPaths(d, netpol.resolve("inputs").resolve(c.dir()).toString());
    String actual;
    if (c.exposure() && ExposureAnalysis.supports(c.focus())) {
      ExposureReport report = ExposureAnalysis.run(net, c.focus(), c.connection());
      actual = ExposureWriter.render(report, c.format());
    } else {
      ConnectivityReport report = ConnectivityAnalysis.run(net).focus(c.focus());
      if (c.connection().isPresent()) {
        report = report.onConnection(c.connection().get());
      }
      actual = ConnectivityWriter.render(report, c.format(), c.connection());
    }
    SharedData.assertMatchesExpected(netpol, c.expected(), actual, d);
  }

  /** One row: input dir, expected file, format, focus, focus connection and exposure. */
  record Case(
      String dir,
      String expected,
      OutputFormat format,
      ConnectivityFocus focus,
      Optional<FocusConnection> connection,
      boolean exposure) {
    /** Parses the options column; null when it uses options this test does not cover. */
    static @org.jspecify.annotations.Nullable Case parse(
        String dir, String expected, String options) {
      String[] words = options.trim().split("\\s+");
      OutputFormat format = OutputFormat.TXT;
      List<String> workloads = List.of();
      List<String> peers = List.of();
      Optional<Direction> direction = Optional.empty();
      Optional<FocusConnection> connection = Optional.empty();
      boolean exposure = false;
      for (int i = 0; i < words.length; i++) {
        switch (words[i]) {
          case "-o" -> format = OutputFormat.parse(words[++i]).orElseThrow();
          case "--focusworkload" -> workloads = Arrays.asList(words[++i].split(","));
          case "--focusworkload-peer" -> peers = Arrays.asList(words[++i].split(","));
          case "--focus-direction" ->
              direction = Optional.of(Direction.valueOf(words[++i].toUpperCase(Locale.ROOT)));
          case "--focus-conn" -> connection = Optional.of(FocusConnection.parse(words[++i]));
          case "--exposure" -> exposure = true;
          default -> {
            return null;
          }
        }
      }
      return new Case(
          dir,
          expected,
          format,
          new ConnectivityFocus(workloads, peers, direction),
          connection,
          exposure);
    }
  }
}
