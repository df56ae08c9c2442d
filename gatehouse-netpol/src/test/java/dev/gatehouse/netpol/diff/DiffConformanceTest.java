package dev.gatehouse.netpol.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.kube.Diagnostic;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.netpol.Pipeline;
import dev.gatehouse.netpol.SharedData;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.output.DiffWriter;
import dev.gatehouse.netpol.output.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every row of {@code ../shared/conformance/netpol/diff-cases.tsv} (base dir, new dir,
 * expected file, format), comparing as the conformance README says (equal after deleting line
 * breaks). On a mismatch the actual output is written to {@code target/conformance-actual/}.
 */
class DiffConformanceTest {
  /** Each input dir is compiled once, though several rows and formats use it. */
  private static final Map<String, Loaded> LOADED = new ConcurrentHashMap<>();

  @TestFactory
  Stream<DynamicTest> diffCases() throws IOException {
    java.util.Optional<Path> shared = SharedData.root();
    assumeTrue(shared.isPresent(), "../shared/conformance is not present");
    Path netpol = shared.get().resolve("conformance/netpol");
    List<DynamicTest> tests = new ArrayList<>();
    for (String line :
        Files.readAllLines(netpol.resolve("diff-cases.tsv")).stream().skip(1).toList()) {
      String[] f = line.split("\t");
      if (f.length < 4) {
        continue;
      }
      tests.add(DynamicTest.dynamicTest(f[2], () -> run(netpol, f[0], f[1], f[2], f[3])));
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  private static void run(Path netpol, String base, String next, String expectedFile, String fmt)
      throws IOException {
    ConnectivityDiff diff = ConnectivityDiff.of(network(netpol, base), network(netpol, next));
    String actual = DiffWriter.render(diff, OutputFormat.parse(fmt).orElseThrow());
    String expected = Files.readString(netpol.resolve("expected-diff").resolve(expectedFile));
    if (!clean(actual).equals(clean(expected))) {
      Path out = Path.of("target/conformance-actual");
      Files.createDirectories(out);
      Files.writeString(out.resolve(expectedFile), actual);
    }
    assertThat(clean(actual)).isEqualTo(clean(expected));
  }

  /**
   * The compiled input dir. A row whose input the YAML loader cannot parse (netpol-analyzer's Go
   * YAML reader accepts a tab inside a flow sequence, which ours rejects) is skipped, visibly, with
   * the loader's message: it would test the loader, not the diff.
   */
  private static CompiledNetwork network(Path netpol, String dir) {
    Loaded loaded =
        LOADED.computeIfAbsent(
            dir,
            d -> {
              Diagnostics diagnostics = new Diagnostics();
              String path = netpol.resolve("inputs").resolve(d).toString();
              return new Loaded(Pipeline.fromPaths(diagnostics, path), diagnostics);
            });
    for (Diagnostic d : loaded.diagnostics().all()) {
      assumeFalse(d.code().equals("yaml-syntax"), "input not loadable: " + d.render());
    }
    return loaded.network();
  }

  private record Loaded(CompiledNetwork network, Diagnostics diagnostics) {}

  private static String clean(String s) {
    return s.replace("\n", "").replace("\r", "");
  }
}
