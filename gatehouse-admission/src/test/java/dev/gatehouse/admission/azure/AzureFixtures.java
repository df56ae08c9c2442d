package dev.gatehouse.admission.azure;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.admission.AdmissionEngine;
import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.ScopedEnforcementAction;
import dev.gatehouse.admission.SharedConformance;
import dev.gatehouse.admission.cel.CelDriver;
import dev.gatehouse.admission.rego.RegoDriver;
import dev.gatehouse.kube.Diagnostic;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The published definitions, the examples, and engines, for the Azure tests. */
public final class AzureFixtures {
  private static DefinitionCatalog catalog;

  private AzureFixtures() {}

  /** The published definitions and initiatives (skips the test when the shared data is absent). */
  public static synchronized DefinitionCatalog catalog() {
    if (catalog == null) {
      Optional<Path> dir = SharedConformance.find("azure-policy");
      assumeTrue(dir.isPresent(), SharedConformance.absent("azure-policy"));
      Diagnostics d = new Diagnostics();
      catalog = DefinitionCatalog.load(List.of(dir.get()), d);
      List<Diagnostic> errors =
          d.all().stream().filter(x -> x.severity() == Severity.ERROR).toList();
      if (!errors.isEmpty()) {
        throw new AssertionError("the published definitions do not load: " + errors);
      }
    }
    return catalog;
  }

  /** {@code examples/azure-policy/<name>} of the project. */
  public static Path example(String name) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path e = p.resolve("examples/azure-policy");
      if (Files.isDirectory(e)) {
        return e.resolve(name);
      }
    }
    throw new AssertionError(
        "examples/azure-policy not found above " + Path.of("").toAbsolutePath());
  }

  /** Loads example files, failing on any load error. */
  public static List<KubeObject> examples(String... names) {
    Diagnostics d = new Diagnostics();
    List<String> paths = new ArrayList<>();
    for (String n : names) {
      paths.add(example(n).toString());
    }
    List<KubeObject> out = KubeLoader.standard().load(paths, d);
    if (d.hasErrors()) {
      throw new AssertionError(d.all());
    }
    return out;
  }

  /** Loads YAML text. */
  public static List<KubeObject> yaml(String text, Diagnostics d) {
    return KubeLoader.parse(text, "test.yaml", d);
  }

  /** Expands assignments against the published catalog and the built-in templates. */
  public static AzurePolicySet load(List<KubeObject> objects, Diagnostics d) {
    return AzurePolicyLoader.load(objects, AzureFixtures::catalog, TemplateStore.builtin(), d);
  }

  /** A snapshot (CEL and Rego) at the webhook, or at the audit point. */
  public static PolicySnapshot snapshot(AzurePolicySet set, boolean audit, Diagnostics d) {
    return AdmissionEngine.builder()
        .driver(CelDriver.create())
        .driver(RegoDriver.create())
        .enforcementPoint(audit ? ScopedEnforcementAction.AUDIT : ScopedEnforcementAction.WEBHOOK)
        .build()
        .compile(set.policies(), d);
  }

  /** The errors among the diagnostics. */
  public static List<Diagnostic> errors(Diagnostics d) {
    return d.all().stream().filter(x -> x.severity() == Severity.ERROR).toList();
  }
}
