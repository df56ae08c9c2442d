package dev.gatehouse.admission.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.admission.AdmissionEngine;
import dev.gatehouse.admission.EngineChoice;
import dev.gatehouse.admission.ScopedEnforcementAction;
import dev.gatehouse.admission.SharedConformance;
import dev.gatehouse.admission.rego.RegoDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every suite of the Gatekeeper library with {@code --engine rego} (the Makefile's {@code
 * gator verify ./... --enable-k8s-native-validation=false}); every case of every suite must pass.
 */
class RegoLibraryConformanceTest {
  private static final String LIBRARY = "gatekeeper-library";

  @TestFactory
  Stream<DynamicTest> allSuites_engineRego_allCasesPass() throws IOException {
    Optional<Path> root = SharedConformance.find(LIBRARY);
    assumeTrue(root.isPresent(), SharedConformance.absent(LIBRARY));
    List<Path> suites = suites(root.get());
    assertThat(suites).isNotEmpty();
    AdmissionEngine engine =
        AdmissionEngine.builder()
            .driver(RegoDriver.create())
            .engine(EngineChoice.REGO)
            .enforcementPoint(ScopedEnforcementAction.GATOR)
            .build();
    return suites.stream()
        .map(
            suite ->
                DynamicTest.dynamicTest(
                    root.get().relativize(suite.getParent()).toString(),
                    () -> {
                      VerifyReport report =
                          SuiteRunner.create(engine, Optional.empty())
                              .run(List.of(suite.toString()));
                      assertThat(report.problems()).isEmpty();
                      assertThat(report.tests()).isNotEmpty();
                      assertThat(report.tests())
                          .allSatisfy(
                              t -> {
                                assertThat(t.failures()).as(t.test()).isEmpty();
                                assertThat(t.status()).isEqualTo(VerifyReport.Status.PASS);
                              });
                    }));
  }

  /** Every {@code suite.yaml} under {@code root}, sorted. */
  static List<Path> suites(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().equals("suite.yaml")).sorted().toList();
    }
  }
}
