package dev.gatehouse.bench.admission;

import dev.gatehouse.admission.AdmissionEngine;
import dev.gatehouse.admission.AdmissionRequest;
import dev.gatehouse.admission.Inventory;
import dev.gatehouse.admission.PolicyLoader;
import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.ReviewResult;
import dev.gatehouse.admission.cel.CelDriver;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Pod reviewed against 1, 10 or 50 CEL constraints (a privileged-container template shaped like
 * the Gatekeeper library's, with variables over all containers). Divide the score by {@code
 * constraints} for the cost of one constraint evaluation.
 *
 * <p>Run: {@code java -jar gatehouse-bench/target/benchmarks.jar AdmissionReviewBenchmark -f 1 -wi
 * 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class AdmissionReviewBenchmark {
  private static final String TEMPLATE =
      """
      apiVersion: templates.gatekeeper.sh/v1
      kind: ConstraintTemplate
      metadata: {name: k8sbenchprivileged}
      spec:
        crd:
          spec:
            names: {kind: K8sBenchPrivileged}
            validation:
              openAPIV3Schema:
                type: object
                properties:
                  exemptImages: {type: array, items: {type: string}}
        targets:
        - target: admission.k8s.gatekeeper.sh
          code:
          - engine: K8sNativeValidation
            source:
              variables:
              - name: containers
                expression: 'has(variables.anyObject.spec.containers) ? variables.anyObject.spec.containers : []'
              - name: initContainers
                expression: 'has(variables.anyObject.spec.initContainers) ? variables.anyObject.spec.initContainers : []'
              - name: exemptImagePrefixes
                expression: '!has(variables.params.exemptImages) ? [] : variables.params.exemptImages.filter(image, image.endsWith("*")).map(image, string(image).replace("*", ""))'
              - name: exemptImageExplicit
                expression: '!has(variables.params.exemptImages) ? [] : variables.params.exemptImages.filter(image, !image.endsWith("*"))'
              - name: badContainers
                expression: >-
                  (variables.containers + variables.initContainers).filter(container,
                  !(container.image in variables.exemptImageExplicit) &&
                  !variables.exemptImagePrefixes.exists(p, string(container.image).startsWith(p)) &&
                  has(container.securityContext) && has(container.securityContext.privileged) &&
                  container.securityContext.privileged)
              validations:
              - expression: '(has(request.operation) && request.operation == "UPDATE") || size(variables.badContainers) == 0'
                messageExpression: '"Privileged container is not allowed: " + variables.badContainers.map(c, c.name).join(", ")'
      """;

  private static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: prod, labels: {app: web, owner: team-a}}
      spec:
        initContainers:
        - {name: init, image: busybox:1.36}
        containers:
        - name: nginx
          image: nginx:1.27
          securityContext: {privileged: true}
        - name: sidecar
          image: registry.example.com/sidecar:2
          securityContext: {privileged: false, runAsNonRoot: true}
      """;

  @Param({"1", "10", "50"})
  public int constraints;

  private PolicySnapshot snapshot;
  private AdmissionRequest request;

  /** Compiles the template and {@link #constraints} constraints once. */
  @Setup
  public void setUp() {
    StringBuilder yaml = new StringBuilder(TEMPLATE);
    for (int i = 0; i < constraints; i++) {
      yaml.append("---\napiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sBenchPrivileged\n")
          .append("metadata: {name: privileged-")
          .append(i)
          .append("}\nspec:\n  match: {kinds: [{apiGroups: [\"\"], kinds: [Pod]}]}\n")
          .append("  parameters: {exemptImages: [\"exempt.example.com/*\", \"pause:3.9\"]}\n");
    }
    Diagnostics d = new Diagnostics();
    var set = PolicyLoader.load(KubeLoader.parse(yaml.toString(), "bench.yaml", d), d);
    snapshot = AdmissionEngine.builder().driver(CelDriver.create()).build().compile(set, d);
    request = AdmissionRequest.ofObject(KubeLoader.parse(POD, "pod.yaml", d).get(0));
    if (d.hasErrors() || snapshot.constraints().size() != constraints) {
      throw new IllegalStateException("benchmark policy is invalid: " + d.all());
    }
  }

  /** Reviews the Pod against every constraint (all of which deny it). */
  @Benchmark
  public ReviewResult review() {
    return snapshot.review(request, Inventory.empty());
  }
}
