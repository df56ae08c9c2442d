package dev.gatehouse.netpol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.ConnectivityExplainer;
import dev.gatehouse.netpol.engine.ConnectivityExplanation;
import dev.gatehouse.netpol.engine.ConnectivityFocus;
import dev.gatehouse.netpol.engine.ExposureAnalysis;
import dev.gatehouse.netpol.engine.FocusConnection;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.output.ExplanationWriter;
import dev.gatehouse.netpol.output.ExposureWriter;
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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the netpol-analyzer conformance rows of groups a, b and d whose options ask for {@code
 * --explain}, with their focus, {@code --focus-conn} and {@code --explain-only} options (with
 * {@code --exposure}, the exposure section follows the explanation), comparing as the data's README
 * says (equal after deleting line breaks). On a mismatch the actual output is written to {@code
 * target/conformance-actual/}.
 */
class ExplainConformanceTest {
  private static final Set<String> GROUPS = Set.of("a", "b", "d");

  @TestFactory
  Stream<DynamicTest> explainCases() throws IOException {
    Optional<Path> shared = SharedData.root();
    assumeTrue(shared.isPresent(), "../shared/conformance is not present");
    Path netpol = shared.get().resolve("conformance/netpol");
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : Files.readAllLines(netpol.resolve("cases.tsv")).stream().skip(1).toList()) {
      String[] f = line.split("\t");
      if (f.length < 4 || !GROUPS.contains(f[2])) {
        continue;
      }
      Case c = Case.parse(f[0], f[1], f[3]);
      if (c != null) {
        tests.add(DynamicTest.dynamicTest(f[1], () -> run(netpol, c)));
      }
    }
    assertThat(tests).as("explain rows of cases.tsv").isNotEmpty();
    return tests.stream();
  }

  private static void run(Path netpol, Case c) throws IOException {
    Diagnostics d = new Diagnostics();
    CompiledNetwork net =
        Pipeline.fromPaths(d, netpol.resolve("inputs").resolve(c.dir()).toString());
    ConnectivityExplanation explanation = ConnectivityExplainer.run(net, c.focus());
    if (c.focusConn().isPresent()) {
      explanation = explanation.restrictTo(c.focusConn().get().conns());
    }
    if (c.only() != null) {
      explanation = explanation.only(c.only());
    }
    String actual = ExplanationWriter.txt(explanation);
    if (c.exposure() && ExposureAnalysis.supports(c.focus())) {
      actual +=
          "\n" + ExposureWriter.txtSection(ExposureAnalysis.run(net, c.focus(), c.focusConn()));
    }
    SharedData.assertMatchesExpected(netpol, c.expected(), actual, d);
  }

  /** One row: input dir, expected file, focus, focus connection and explain-only filter. */
  record Case(
      String dir,
      String expected,
      ConnectivityFocus focus,
      Optional<FocusConnection> focusConn,
      @Nullable Boolean only,
      boolean exposure) {

    /** Parses the options column; null unless it asks for a txt explanation. */
    static @Nullable Case parse(String dir, String expected, String options) {
      String[] words = options.trim().split("\\s+");
      boolean explain = false;
      List<String> workloads = List.of();
      List<String> peers = List.of();
      Optional<Direction> direction = Optional.empty();
      Optional<FocusConnection> focusConn = Optional.empty();
      boolean exposure = false;
      Boolean only = null;
      for (int i = 0; i < words.length; i++) {
        switch (words[i]) {
          case "--explain" -> explain = true;
          case "--explain-only" -> only = words[++i].equals("allow");
          case "-o" -> {
            if (!words[++i].equals("txt")) {
              return null;
            }
          }
          case "--focusworkload" -> workloads = Arrays.asList(words[++i].split(","));
          case "--focusworkload-peer" -> peers = Arrays.asList(words[++i].split(","));
          case "--focus-direction" ->
              direction = Optional.of(Direction.valueOf(words[++i].toUpperCase(Locale.ROOT)));
          case "--focus-conn" -> focusConn = Optional.of(FocusConnection.parse(words[++i]));
          case "--exposure" -> exposure = true;
          default -> {
            return null;
          }
        }
      }
      if (!explain) {
        return null;
      }
      return new Case(
          dir,
          expected,
          new ConnectivityFocus(workloads, peers, direction),
          focusConn,
          only,
          exposure);
    }
  }
}
