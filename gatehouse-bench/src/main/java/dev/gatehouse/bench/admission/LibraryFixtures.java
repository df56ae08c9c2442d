package dev.gatehouse.bench.admission;

import dev.gatehouse.admission.AdmissionEngine;
import dev.gatehouse.admission.AdmissionRequest;
import dev.gatehouse.admission.EngineChoice;
import dev.gatehouse.admission.PolicyDriver;
import dev.gatehouse.admission.PolicyLoader;
import dev.gatehouse.admission.PolicySet;
import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.ScopedEnforcementAction;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.KubeObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gatekeeper library templates for the admission benchmarks, read in place from {@code
 * shared/conformance/gatekeeper-library} (found from the working directory upwards, or named by
 * {@code -Dgatehouse.library=DIR}), with our own constraints and Pod.
 */
final class LibraryFixtures {
  /** A constraint per template: parameters in the style of the library's samples. */
  private static final Map<String, String> CONSTRAINTS =
      Map.of(
          "k8spspprivilegedcontainer",
          "kind: K8sPSPPrivilegedContainer\nmetadata: {name: no-privileged}\nspec:\n"
              + "  match: {kinds: [{apiGroups: [\"\"], kinds: [Pod]}]}\n"
              + "  parameters: {exemptImages: [\"exempt.example.com/*\", \"pause:3.9\"]}\n",
          "k8sallowedrepos",
          "kind: K8sAllowedRepos\nmetadata: {name: allowed-repos}\nspec:\n"
              + "  match: {kinds: [{apiGroups: [\"\"], kinds: [Pod]}], namespaces: [prod]}\n"
              + "  parameters: {repos: [\"registry.example.com/\", \"docker.io/library/\"]}\n",
          "k8scontainerlimits",
          "kind: K8sContainerLimits\nmetadata: {name: container-limits}\nspec:\n"
              + "  match: {kinds: [{apiGroups: [\"\"], kinds: [Pod]}]}\n"
              + "  parameters: {cpu: \"2\", memory: \"4Gi\"}\n");

  /**
   * A Pod with two containers and an init container: one privileged, one from a repository not
   * allowed, one over the memory limit, so every template has something to report.
   */
  static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: prod, labels: {app: web, owner: team-a}}
      spec:
        initContainers:
        - name: init
          image: docker.io/library/busybox:1.36
          resources: {limits: {cpu: 100m, memory: 64Mi}}
        containers:
        - name: nginx
          image: docker.io/library/nginx:1.27
          securityContext: {privileged: true}
          resources: {limits: {cpu: 500m, memory: 512Mi}, requests: {cpu: 250m, memory: 256Mi}}
        - name: sidecar
          image: quay.io/example/sidecar:2
          securityContext: {privileged: false, runAsNonRoot: true}
          resources: {limits: {cpu: "1", memory: 8Gi}}
      """;

  private LibraryFixtures() {}

  /** The request reviewing {@link #POD}. */
  static AdmissionRequest request() {
    Diagnostics d = new Diagnostics();
    return AdmissionRequest.ofObject(KubeLoader.parse(POD, "pod.yaml", d).getFirst());
  }

  /**
   * {@code template} (a library template's name) and its constraint, compiled by {@code driver}.
   */
  static PolicySnapshot snapshot(String template, PolicyDriver driver, EngineChoice engine) {
    String constraint = CONSTRAINTS.get(template);
    if (constraint == null) {
      throw new IllegalArgumentException("no benchmark constraint for template " + template);
    }
    Diagnostics d = new Diagnostics();
    List<KubeObject> objects = new ArrayList<>();
    objects.addAll(KubeLoader.standard().load(List.of(templateFile(template).toString()), d));
    objects.addAll(
        KubeLoader.parse(
            "apiVersion: constraints.gatekeeper.sh/v1beta1\n" + constraint, "constraint.yaml", d));
    PolicySet set = PolicyLoader.load(objects, d);
    PolicySnapshot snapshot =
        AdmissionEngine.builder()
            .driver(driver)
            .engine(engine)
            .enforcementPoint(ScopedEnforcementAction.WEBHOOK)
            .build()
            .compile(set, d);
    if (d.hasErrors() || snapshot.constraints().size() != 1) {
      throw new IllegalStateException("benchmark policy " + template + " is invalid: " + d.all());
    }
    return snapshot;
  }

  /** The {@code template.yaml} whose {@code metadata.name} is {@code name}. */
  static Path templateFile(String name) {
    try (Stream<Path> s = Files.walk(library())) {
      return s.filter(p -> p.getFileName().toString().equals("template.yaml"))
          .filter(p -> declares(p, name))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("library template " + name + " not found"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean declares(Path template, String name) {
    try {
      return Files.readString(template).contains("\n  name: " + name + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path library() {
    String configured = System.getProperty("gatehouse.library");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      for (Path c : List.of(p.resolve("shared"), p.resolve("../shared"))) {
        Path lib = c.resolve("conformance/gatekeeper-library").normalize();
        if (Files.isDirectory(lib)) {
          return lib;
        }
      }
    }
    throw new IllegalStateException(
        "shared/conformance/gatekeeper-library not found above "
            + Path.of("").toAbsolutePath()
            + "; pass -Dgatehouse.library=DIR");
  }
}
