package dev.gatehouse.admission.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.admission.AdmissionEngine;
import dev.gatehouse.admission.AdmissionRequest;
import dev.gatehouse.admission.EngineChoice;
import dev.gatehouse.admission.Inventory;
import dev.gatehouse.admission.PolicyLoader;
import dev.gatehouse.admission.PolicySet;
import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.Result;
import dev.gatehouse.admission.ReviewResult;
import dev.gatehouse.admission.ScopedEnforcementAction;
import dev.gatehouse.admission.SharedConformance;
import dev.gatehouse.admission.cel.CelDriver;
import dev.gatehouse.admission.rego.RegoDriver;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.KubeObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every library template with both a CEL and a Rego source, reviews every suite case with each
 * engine and requires the same verdict: the same constraints violated (or none). Messages and
 * counts may differ (the Rego reports one result per container, the CEL one joined message), so
 * they are not compared; the suites' own assertions are checked per engine by {@link
 * RegoLibraryConformanceTest} and {@link LibraryConformanceTest}.
 */
class CelRegoAgreementTest {
  private static final String LIBRARY = "gatekeeper-library";

  @TestFactory
  Stream<DynamicTest> dualEngineSuites_celAndRego_agreeOnEveryCase() throws IOException {
    Optional<Path> root = SharedConformance.find(LIBRARY);
    assumeTrue(root.isPresent(), SharedConformance.absent(LIBRARY));
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : RegoLibraryConformanceTest.suites(root.get())) {
      if (!Files.readString(file.resolveSibling("template.yaml")).contains("K8sNativeValidation")) {
        continue;
      }
      for (Suite suite : read(file)) {
        for (Suite.Test test : suite.tests()) {
          for (Suite.Case c : test.cases()) {
            String name = root.get().relativize(file.getParent()) + "/" + test.name() + "/";
            tests.add(DynamicTest.dynamicTest(name + c.name(), () -> agree(file, test, c)));
          }
        }
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(50);
    return tests.stream();
  }

  private static void agree(Path suiteFile, Suite.Test test, Suite.Case c) {
    Path dir = suiteFile.getParent();
    Diagnostics d = new Diagnostics();
    List<KubeObject> policy = new ArrayList<>(load(dir, test.template(), d));
    policy.addAll(load(dir, test.constraint(), d));
    PolicySet set = PolicyLoader.load(policy, d);
    KubeObject object = load(dir, c.object(), d).getFirst();
    AdmissionRequest request =
        AdmissionRequest.isReview(object)
            ? AdmissionRequest.ofReview(object, d).orElseThrow()
            : AdmissionRequest.ofObject(object);
    List<KubeObject> inventory = new ArrayList<>();
    c.inventory().forEach(i -> inventory.addAll(load(dir, i, d)));
    ReviewResult cel =
        snapshot(set, CelDriver.create(), EngineChoice.CEL, d)
            .review(request, Inventory.of(inventory));
    ReviewResult rego =
        snapshot(set, RegoDriver.create(), EngineChoice.REGO, d)
            .review(request, Inventory.of(inventory));
    assertThat(d.hasErrors()).as(d.all().toString()).isFalse();
    assertThat(violated(rego))
        .as("Rego %s vs CEL %s", messages(rego), messages(cel))
        .isEqualTo(violated(cel));
  }

  private static PolicySnapshot snapshot(
      PolicySet set,
      dev.gatehouse.admission.PolicyDriver driver,
      EngineChoice choice,
      Diagnostics d) {
    PolicySnapshot s =
        AdmissionEngine.builder()
            .driver(driver)
            .engine(choice)
            .enforcementPoint(ScopedEnforcementAction.GATOR)
            .build()
            .compile(set, d);
    assertThat(s.constraints()).isNotEmpty();
    return s;
  }

  private static TreeSet<String> violated(ReviewResult r) {
    TreeSet<String> out = new TreeSet<>();
    r.results().forEach(x -> out.add(x.constraint().name()));
    return out;
  }

  private static List<String> messages(ReviewResult r) {
    return r.results().stream().map(Result::message).toList();
  }

  private static List<Suite> read(Path file) {
    Diagnostics d = new Diagnostics();
    List<Suite> out = new ArrayList<>();
    for (KubeObject obj : KubeLoader.standard().load(List.of(file.toString()), d)) {
      if (SuiteReader.isSuite(obj)) {
        out.add(SuiteReader.read(obj, file, d));
      }
    }
    assertThat(d.hasErrors()).as(d.all().toString()).isFalse();
    return out;
  }

  private static List<KubeObject> load(Path dir, String relative, Diagnostics d) {
    return KubeLoader.standard().load(List.of(dir.resolve(relative).normalize().toString()), d);
  }
}
