package dev.gatehouse.admission.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.admission.AdmissionEngine;
import dev.gatehouse.admission.ScopedEnforcementAction;
import dev.gatehouse.admission.cel.CelDriver;
import dev.gatehouse.admission.rego.RegoDriver;
import dev.gatehouse.admission.verify.SuiteRunner;
import dev.gatehouse.admission.verify.VerifyReport;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.KubeObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the gator suite of every built-in template ({@code src/test/resources/azure-suites/<name>/})
 * with {@code gatehouse admission verify}'s runner, CEL and Rego drivers, engine auto. Every suite
 * must pass; together they must test every template in the index with at least five objects, some
 * allowed and some denied.
 */
class BuiltinSuitesTest {
  static final Path SUITES = Path.of("src/test/resources/azure-suites");

  @TestFactory
  Stream<DynamicTest> suites_pass() throws IOException {
    AdmissionEngine engine =
        AdmissionEngine.builder()
            .driver(CelDriver.create())
            .driver(RegoDriver.create())
            .enforcementPoint(ScopedEnforcementAction.GATOR)
            .build();
    return suiteDirs().stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      VerifyReport report =
                          SuiteRunner.create(engine, Optional.empty())
                              .run(List.of(dir.resolve("suite.yaml").toString()));
                      assertThat(report.problems()).isEmpty();
                      assertThat(report.tests()).isNotEmpty();
                      assertThat(report.tests())
                          .allSatisfy(t -> assertThat(t.failures()).as(t.test()).isEmpty());
                      assertThat(report.ok()).isTrue();
                      assertThat(
                              report.tests().stream()
                                  .mapToInt(VerifyReport.TestOutcome::cases)
                                  .sum())
                          .as("cases")
                          .isGreaterThanOrEqualTo(5);
                    }));
  }

  @Test
  void suites_testEveryBuiltinTemplateWithFiveObjectsAndBothOutcomes() throws IOException {
    Map<String, Integer> cases = new TreeMap<>();
    Map<String, Integer> allowing = new TreeMap<>();
    for (Path dir : suiteDirs()) {
      for (JsonNode test : suite(dir).path("tests")) {
        String id =
            test.path("template")
                .asText()
                .replaceFirst("^.*/templates/", "")
                .replaceFirst("/template\\.yaml$", "");
        for (JsonNode c : test.path("cases")) {
          cases.merge(id, 1, Integer::sum);
          if (c.findValuesAsText("violations").contains("no")) {
            allowing.merge(id, 1, Integer::sum);
          }
        }
      }
    }
    assertThat(cases.keySet()).containsExactlyElementsOf(BuiltinTemplates.list());
    cases.forEach(
        (id, n) -> {
          assertThat(n).as(id + " cases").isGreaterThanOrEqualTo(5);
          assertThat(allowing.getOrDefault(id, 0)).as(id + " allowed objects").isBetween(1, n - 1);
        });
  }

  static List<Path> suiteDirs() throws IOException {
    try (Stream<Path> s = Files.list(SUITES)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("suite.yaml"))).sorted().toList();
    }
  }

  static JsonNode suite(Path dir) {
    Diagnostics d = new Diagnostics();
    List<KubeObject> objects =
        KubeLoader.standard().load(List.of(dir.resolve("suite.yaml").toString()), d);
    assertThat(d.hasErrors()).as(d.all().toString()).isFalse();
    assertThat(objects).hasSize(1);
    return objects.get(0).body();
  }
}
