package dev.gatehouse.admission.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import dev.gatehouse.admission.AdmissionEngine;
import dev.gatehouse.admission.AdmissionRequest;
import dev.gatehouse.admission.ConstraintTemplate;
import dev.gatehouse.admission.EngineChoice;
import dev.gatehouse.admission.Fixtures;
import dev.gatehouse.admission.Inventory;
import dev.gatehouse.admission.PolicyLoader;
import dev.gatehouse.admission.PolicySet;
import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.Result;
import dev.gatehouse.admission.SharedConformance;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.KubeObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Azure reference ConstraintTemplate ({@code azure-policy/reference-templates}, Rego, {@code
 * v1beta1}) compiles with the Rego driver and evaluates without error against a few simple objects
 * (a Pod using most of what pod-security policies forbid, a LoadBalancer Service, an Ingress
 * without TLS), once with no parameters and once with parameters sampled from the template's
 * schema.
 */
class AzureReferenceTemplatesTest {
  private static final String REFERENCE = "azure-policy/reference-templates";
  private static final Pattern EVAL_ERROR = Pattern.compile("\\b(eval|rego)_[a-z_]+_error\\b");
  private static final AtomicInteger DENYING = new AtomicInteger();

  private static final String OBJECTS =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: bad, namespace: prod, labels: {app: web}}
      spec:
        hostPID: true
        hostIPC: true
        hostNetwork: true
        automountServiceAccountToken: true
        securityContext:
          sysctls: [{name: kernel.shm_rmid_forced, value: "1"}]
        volumes:
        - {name: host, hostPath: {path: /var/run/docker.sock}}
        - {name: cfg, configMap: {name: cfg}}
        containers:
        - name: app
          image: registry.example.com/app:1.0
          ports: [{containerPort: 8080, hostPort: 8080}]
          volumeMounts: [{name: host, mountPath: /sock}]
          securityContext:
            privileged: true
            allowPrivilegeEscalation: true
            procMount: Unmasked
            capabilities: {add: [NET_ADMIN, SYS_ADMIN], drop: [KILL]}
        initContainers:
        - {name: init, image: busybox:1.36}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: lb, namespace: prod}
      spec:
        type: LoadBalancer
        externalIPs: [203.0.113.7]
        ports: [{port: 80}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: web, namespace: prod}
      spec:
        rules: [{host: web.example.com}]
      """;

  @TestFactory
  Stream<DynamicTest> referenceTemplates_compileAndEvaluateWithoutError() throws IOException {
    Optional<Path> root = SharedConformance.find(REFERENCE);
    assumeTrue(root.isPresent(), SharedConformance.absent(REFERENCE));
    List<Path> templates;
    try (Stream<Path> s = Files.walk(root.get())) {
      templates =
          s.filter(p -> p.getFileName().toString().equals("template.yaml")).sorted().toList();
    }
    assertThat(templates).hasSizeGreaterThanOrEqualTo(10);
    return templates.stream()
        .map(
            t ->
                DynamicTest.dynamicTest(
                    root.get().relativize(t.getParent()).toString(), () -> check(t)));
  }

  @AfterAll
  static void someTemplatesDenyTheBadObjects() {
    if (SharedConformance.find(REFERENCE).isPresent()) {
      assertThat(DENYING.get()).as("templates denying the sample objects").isGreaterThan(8);
    }
  }

  private static void check(Path file) {
    Diagnostics d = new Diagnostics();
    List<KubeObject> loaded = KubeLoader.standard().load(List.of(file.toString()), d);
    ConstraintTemplate template = PolicyLoader.load(loaded, d).templates().getFirst();
    ObjectNode sampled = (ObjectNode) sample("", template.parameterSchema());
    String constraints =
        constraint(template.kind(), "empty", null)
            + "---\n"
            + constraint(template.kind(), "sampled", sampled);
    List<KubeObject> all = new ArrayList<>(loaded);
    all.addAll(Fixtures.objects(constraints, d));
    PolicySet set = PolicyLoader.load(all, d);
    PolicySnapshot snapshot =
        AdmissionEngine.builder()
            .driver(RegoDriver.create())
            .engine(EngineChoice.REGO)
            .build()
            .compile(set, d);
    assertThat(d.hasErrors()).as(d.all().toString()).isFalse();
    assertThat(snapshot.constraints()).hasSize(2);
    List<KubeObject> objects = Fixtures.objects(OBJECTS, d);
    boolean denied = false;
    for (KubeObject obj : objects) {
      List<Result> results =
          snapshot.review(AdmissionRequest.ofObject(obj), Inventory.of(objects)).results();
      for (Result r : results) {
        assertThat(EVAL_ERROR.matcher(r.message()).find()).as(r.message()).isFalse();
      }
      denied |= !results.isEmpty();
    }
    if (denied) {
      DENYING.incrementAndGet();
    }
  }

  private static String constraint(String kind, String name, ObjectNode parameters) {
    return "apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: "
        + kind
        + "\nmetadata: {name: "
        + name
        + "}\nspec:\n"
        + (parameters == null ? "  match: {}\n" : "  parameters: " + parameters + "\n");
  }

  /**
   * A value of the schema's type: strings "sample", numbers 1, booleans true, one array item. The
   * one enumerated string ({@code procMount}: Default or Unmasked) gets a valid value; any other
   * makes that template's {@code get_allowed_proc_mount} conflict, in OPA as here.
   */
  private static JsonNode sample(String name, JsonNode schema) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
    return switch (type) {
      case "array" -> f.arrayNode().add(sample(name, schema.path("items")));
      case "string" -> f.textNode(name.equals("procMount") ? "Unmasked" : "sample");
      case "boolean" -> f.booleanNode(true);
      case "integer", "number" -> f.numberNode(1);
      default -> {
        ObjectNode o = f.objectNode();
        schema
            .path("properties")
            .properties()
            .forEach(e -> o.set(e.getKey(), sample(e.getKey(), e.getValue())));
        yield o;
      }
    };
  }
}
