package dev.gatehouse.admission.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.admission.AdmissionEngine;
import dev.gatehouse.admission.EngineChoice;
import dev.gatehouse.admission.ScopedEnforcementAction;
import dev.gatehouse.admission.cel.CelDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every suite of the Gatekeeper library whose template has a {@code K8sNativeValidation}
 * source with {@code --engine cel}; every case must pass, as it does with gator.
 */
class LibraryConformanceTest {
  private static final String LIBRARY = "shared/conformance/gatekeeper-library";

  @TestFactory
  Stream<DynamicTest> celSuites_engineCel_allCasesPass() throws IOException {
    Optional<Path> root = findLibrary();
    assumeTrue(
        root.isPresent(),
        "conformance folder "
            + LIBRARY
            + " not found above "
            + Path.of("").toAbsolutePath()
            + "; skipped");
    List<Path> suites;
    try (Stream<Path> s = Files.walk(root.get())) {
      suites =
          s.filter(p -> p.getFileName().toString().equals("suite.yaml"))
              .filter(LibraryConformanceTest::hasCel)
              .sorted()
              .toList();
    }
    assertThat(suites).isNotEmpty();
    AdmissionEngine engine =
        AdmissionEngine.builder()
            .driver(CelDriver.create())
            .engine(EngineChoice.CEL)
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
                          .allSatisfy(t -> assertThat(t.failures()).as(t.test()).isEmpty());
                      assertThat(report.failed()).isZero();
                    }));
  }

  private static boolean hasCel(Path suite) {
    try {
      return Files.readString(suite.resolveSibling("template.yaml"))
          .contains("K8sNativeValidation");
    } catch (IOException e) {
      return false;
    }
  }

  /** The library folder, looked up from the working directory upwards (module or reactor root). */
  static Optional<Path> findLibrary() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve(LIBRARY);
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
      Path sibling = p.resolve("..").resolve(LIBRARY).normalize();
      if (Files.isDirectory(sibling)) {
        return Optional.of(sibling);
      }
    }
    return Optional.empty();
  }
}
