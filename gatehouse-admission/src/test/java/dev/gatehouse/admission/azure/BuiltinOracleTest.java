package dev.gatehouse.admission.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.admission.AdmissionEngine;
import dev.gatehouse.admission.AdmissionRequest;
import dev.gatehouse.admission.ConstraintTemplate;
import dev.gatehouse.admission.Inventory;
import dev.gatehouse.admission.PolicyLoader;
import dev.gatehouse.admission.PolicySet;
import dev.gatehouse.admission.PolicySnapshot;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Oracle test: for each of Azure's reference templates ({@code
 * shared/conformance/azure-policy/reference-templates/<name>}, Rego, read in place), every case of
 * our suite for the built-in template of the same name is reviewed by the built-in template and by
 * the reference template (run by the Rego driver), with the same constraint parameters; both must
 * allow or both deny, and when both deny they must say the same thing.
 *
 * <p>The reference templates are older versions (v1, 2021) of what Azure's store serves today, so
 * some verdicts and messages differ on purpose. Each difference is listed in {@link
 * #EXPECTED_DIFFERENCES} or {@link #EXPECTED_WORDING} with its reason, and the test fails unless
 * the differing cases are exactly those (a new difference is a bug until justified; one that
 * vanished must be removed from the list).
 */
class BuiltinOracleTest {
  private static final String REFERENCE = "azure-policy/reference-templates";

  private static final String NEWER_EXCLUSIONS =
      "the reference (v1) has no excludedContainers/excludedImages parameters; current definitions"
          + " pass them and the built-in honours them";
  private static final String EPHEMERAL =
      "the reference (v1) checks containers and initContainers only; the built-in also checks"
          + " ephemeralContainers, as the Pod Security Standards and Gatekeeper's current library do";

  /**
   * {@code <reference>/<test>/<case>} → why the built-in's verdict differs from the reference's.
   */
  static final Map<String, String> EXPECTED_DIFFERENCES =
      new TreeMap<>(
          Map.ofEntries(
              // allowed-host-paths: reference v1, built-in v4
              Map.entry(
                  "allowed-host-paths/var-log-read-only/windows-path",
                  "v4 checks Windows pods against windowsAllowedHostPaths (C:\\logs allows"
                      + " c:\\Logs\\app, case-insensitively); v1 has no Windows paths"),
              Map.entry(
                  "allowed-host-paths/root-allowed/root-allows-everything",
                  "pathPrefix / is the root and allows every path, as PodSecurityPolicy's"
                      + " allowedHostPaths did; the v1 Rego compares the empty segment of / with"
                      + " the path's first segment and so allows nothing"),
              Map.entry(
                  "allowed-host-paths/exclusions/excluded-container-may-write", NEWER_EXCLUSIONS),
              Map.entry("allowed-host-paths/exclusions/excluded-image-may-write", NEWER_EXCLUSIONS),
              Map.entry(
                  "allowed-host-paths/exclusions/volume-only-used-by-excluded-image",
                  NEWER_EXCLUSIONS),
              // allowed-proc-mount-types: v1 → v4
              Map.entry("allowed-proc-mount-types/exclusions/excluded-by-name", NEWER_EXCLUSIONS),
              Map.entry("allowed-proc-mount-types/exclusions/excluded-by-image", NEWER_EXCLUSIONS),
              // allowed-volume-types: v1 → v2
              Map.entry(
                  "allowed-volume-types/nothing-allowed-exclusions/all-containers-excluded",
                  NEWER_EXCLUSIONS),
              // block-automount-token: v1 → v2
              Map.entry(
                  "block-automount-token/excluded-images/all-containers-excluded",
                  NEWER_EXCLUSIONS),
              // block-host-namespace: v1 → v3
              Map.entry(
                  "block-host-namespace/default/host-network",
                  "definition 6.0.0 (template v3) blocks sharing the host process ID, IPC and"
                      + " network namespaces; v1 checked hostPID and hostIPC only"),
              Map.entry(
                  "block-host-namespace/excluded-images/one-container-not-excluded",
                  "the pod shares the host network namespace, which v3 blocks and v1 ignored"),
              Map.entry(
                  "block-host-namespace/excluded-images/all-containers-excluded", NEWER_EXCLUSIONS),
              // container-allowed-capabilities: v1 → v3
              Map.entry(
                  "container-allowed-capabilities/baseline-capabilities/"
                      + "lower-case-name-is-the-same-capability",
                  "capability names compare case-insensitively (net_bind_service is"
                      + " NET_BIND_SERVICE to the runtime), as Gatekeeper's current"
                      + " capabilities template does; v1 compared exactly"),
              Map.entry(
                  "container-allowed-capabilities/nothing-allowed-drop-required/drops-all",
                  "dropping ALL drops every required capability, as in Gatekeeper's current"
                      + " template; v1 required each name to be listed"),
              Map.entry(
                  "container-allowed-capabilities/exclusions-only/excluded-name-and-image",
                  NEWER_EXCLUSIONS),
              // container-disallowed-capabilities: v1 → v3
              Map.entry(
                  "container-disallowed-capabilities/sys-admin/adds-lower-case-name",
                  "containerd upper-cases capability names, so sys_admin is SYS_ADMIN; v1's exact"
                      + " comparison lets it through"),
              Map.entry(
                  "container-disallowed-capabilities/sys-admin/adds-cap-prefixed-name",
                  "CAP_SYS_ADMIN is SYS_ADMIN to runtimes that accept the prefix (CRI-O, Docker);"
                      + " v1's exact comparison lets it through"),
              Map.entry(
                  "container-disallowed-capabilities/sys-admin/adds-all",
                  "adding ALL adds every capability, SYS_ADMIN included; v1 missed it"),
              Map.entry(
                  "container-disallowed-capabilities/sys-admin/ephemeral-adds-sys-admin",
                  EPHEMERAL),
              Map.entry(
                  "container-disallowed-capabilities/wildcard/adds-nothing",
                  "with \"*\" listed, v1 reports every container as having a disallowed"
                      + " capability even when it adds none; the built-in reports containers that"
                      + " add one"),
              Map.entry(
                  "container-disallowed-capabilities/exclusions/excluded-by-name",
                  NEWER_EXCLUSIONS),
              Map.entry(
                  "container-disallowed-capabilities/exclusions/excluded-by-image-prefix",
                  NEWER_EXCLUSIONS),
              // container-no-privilege: v1 → v2
              Map.entry("container-no-privilege/default/privileged-ephemeral-container", EPHEMERAL),
              Map.entry(
                  "container-no-privilege/excluded-containers/excluded-by-name", NEWER_EXCLUSIONS),
              Map.entry(
                  "container-no-privilege/excluded-containers/excluded-by-image-prefix",
                  NEWER_EXCLUSIONS),
              // container-no-privilege-escalation: v1 → v4
              Map.entry(
                  "container-no-privilege-escalation/default/unset-non-root-container-user",
                  "v4 without forcePrivilegeEscalationToBeFalse considers runAsUser: an unset"
                      + " allowPrivilegeEscalation passes for a non-root user (the parameter makes"
                      + " false mandatory \"regardless of the runAsUser field\"); v1 always required"
                      + " false"),
              Map.entry(
                  "container-no-privilege-escalation/default/unset-non-root-pod-user",
                  "as unset-non-root-container-user, with the pod-level runAsUser"),
              Map.entry(
                  "container-no-privilege-escalation/default/unset-run-as-non-root",
                  "as unset-non-root-container-user: runAsNonRoot: true without a user rules out"
                      + " root"),
              Map.entry(
                  "container-no-privilege-escalation/exclusions/excluded-by-name",
                  NEWER_EXCLUSIONS)));

  /**
   * {@code <reference>/<test>/<case>} → why both deny with different messages. Everywhere else the
   * built-in reports the reference's messages, word for word.
   */
  static final Map<String, String> EXPECTED_WORDING =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry(
                  "allowed-host-paths/var-log-read-only/windows-path-outside",
                  "a Windows pod's message lists windowsAllowedHostPaths, which v4 checks it"
                      + " against"),
              Map.entry(
                  "allowed-proc-mount-types/invalid-parameter-means-default/unmasked-denied",
                  "for a procMount other than Default or Unmasked the reference's"
                      + " get_allowed_proc_mount has two values and fails with"
                      + " eval_conflict_error; the built-in treats it as Default, as the"
                      + " reference intends"),
              Map.entry(
                  "container-allowed-capabilities/exclusions-only/other-container-checked",
                  NEWER_EXCLUSIONS),
              Map.entry(
                  "container-no-privilege/excluded-containers/excluded-by-exact-image-only",
                  NEWER_EXCLUSIONS),
              Map.entry(
                  "container-no-privilege-escalation/default/init-and-ephemeral-containers",
                  EPHEMERAL),
              Map.entry(
                  "container-no-privilege-escalation/exclusions/excluded-by-image-others-checked",
                  NEWER_EXCLUSIONS)));

  @TestFactory
  Stream<DynamicTest> referenceTemplates_sameVerdictsAsBuiltins() throws IOException {
    Path root = SharedConformance.find(REFERENCE).orElse(null);
    assumeTrue(root != null, SharedConformance.absent(REFERENCE));
    List<Path> references;
    try (Stream<Path> s = Files.list(root)) {
      references = s.filter(p -> Files.isRegularFile(p.resolve("template.yaml"))).sorted().toList();
    }
    assertThat(references).hasSize(14);
    List<DynamicTest> tests = new ArrayList<>();
    for (Path reference : references) {
      String name = reference.getFileName().toString();
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                List<String> wording = new ArrayList<>();
                List<String> verdicts = compare(reference, wording);
                assertThat(keys(verdicts))
                    .as("cases whose verdicts differ: %s", verdicts)
                    .containsExactlyInAnyOrderElementsOf(listed(EXPECTED_DIFFERENCES, name));
                assertThat(keys(wording))
                    .as("cases both deny with different messages: %s", wording)
                    .containsExactlyInAnyOrderElementsOf(listed(EXPECTED_WORDING, name));
              }));
    }
    return tests.stream();
  }

  /**
   * The cases of one reference whose verdicts differ, and (into {@code wording}) those both deny
   * with different messages, as {@code "<ref>/<test>/<case> (...)"}.
   */
  private static List<String> compare(Path reference, List<String> wording) {
    String name = reference.getFileName().toString();
    Path suiteDir = BuiltinSuitesTest.SUITES.resolve(name);
    assertThat(suiteDir.resolve("suite.yaml")).as("a suite for " + name).isRegularFile();
    String id =
        BuiltinTemplates.list().stream()
            .filter(x -> x.startsWith(name + "/"))
            .reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError("no built-in template " + name));
    Diagnostics d = new Diagnostics();
    ConstraintTemplate builtin =
        BuiltinTemplates.find(name, id.substring(id.indexOf('/') + 1), d).orElseThrow();
    List<KubeObject> referenceObjects =
        KubeLoader.standard().load(List.of(reference.resolve("template.yaml").toString()), d);
    ConstraintTemplate oracle = PolicyLoader.load(referenceObjects, d).templates().getFirst();
    assertThat(d.hasErrors()).as(d.all().toString()).isFalse();

    List<String> differing = new ArrayList<>();
    int compared = 0;
    for (JsonNode test : BuiltinSuitesTest.suite(suiteDir).path("tests")) {
      JsonNode constraint =
          load(suiteDir.resolve(test.path("constraint").asText())).getFirst().body();
      PolicySnapshot mine = snapshot(builtin, constraint);
      PolicySnapshot theirs = snapshot(oracle, constraint);
      for (JsonNode c : test.path("cases")) {
        List<KubeObject> object = load(suiteDir.resolve(c.path("object").asText()));
        List<KubeObject> inventory = new ArrayList<>();
        c.path("inventory").forEach(i -> inventory.addAll(load(suiteDir.resolve(i.asText()))));
        AdmissionRequest request = request(object.getFirst());
        ReviewResult mineResult = mine.review(request, Inventory.of(inventory));
        ReviewResult theirsResult = theirs.review(request, Inventory.of(inventory));
        boolean mineDenies = denies(mineResult);
        boolean theirsDenies = denies(theirsResult);
        if (mineDenies && theirsDenies && !messages(mineResult).equals(messages(theirsResult))) {
          wording.add(
              name
                  + "/"
                  + test.path("name").asText()
                  + "/"
                  + c.path("name").asText()
                  + " (built-in: "
                  + messages(mineResult)
                  + "; reference: "
                  + messages(theirsResult)
                  + ")");
        }
        compared++;
        if (mineDenies != theirsDenies) {
          differing.add(
              name
                  + "/"
                  + test.path("name").asText()
                  + "/"
                  + c.path("name").asText()
                  + " (built-in "
                  + (mineDenies ? "denies" : "allows")
                  + ", reference "
                  + (theirsDenies ? "denies" : "allows")
                  + ")");
        }
      }
    }
    assertThat(compared).as("cases compared for " + name).isGreaterThanOrEqualTo(5);
    return differing;
  }

  private static List<String> keys(List<String> found) {
    return found.stream().map(f -> f.substring(0, f.indexOf(' '))).toList();
  }

  private static List<String> listed(Map<String, String> expected, String reference) {
    return expected.keySet().stream().filter(k -> k.startsWith(reference + "/")).toList();
  }

  /**
   * A snapshot of {@code template} with the suite's constraint, re-kinded to the template's kind.
   */
  private static PolicySnapshot snapshot(ConstraintTemplate template, JsonNode constraint) {
    ObjectNode copy = constraint.deepCopy();
    copy.put("kind", template.kind());
    Diagnostics d = new Diagnostics();
    List<KubeObject> objects = new ArrayList<>(List.of(template.origin()));
    objects.addAll(KubeLoader.parse(copy.toString(), "oracle-constraint.json", d));
    PolicySet set = PolicyLoader.load(objects, d);
    PolicySnapshot snapshot =
        AdmissionEngine.builder()
            .driver(CelDriver.create())
            .driver(RegoDriver.create())
            .enforcementPoint(ScopedEnforcementAction.GATOR)
            .build()
            .compile(set, d);
    assertThat(d.hasErrors()).as(d.all().toString()).isFalse();
    assertThat(snapshot.constraints()).hasSize(1);
    return snapshot;
  }

  /**
   * The messages, sorted and joined with ", ": a CEL template reports one violation per validation
   * whose message joins the per-container messages that way (Gatekeeper's CEL convention), where
   * Rego reports one violation per container.
   */
  private static String messages(ReviewResult result) {
    return String.join(", ", result.results().stream().map(r -> r.message()).sorted().toList());
  }

  private static boolean denies(ReviewResult result) {
    return !result.results().isEmpty() || !result.errors().isEmpty();
  }

  private static AdmissionRequest request(KubeObject obj) {
    if (!AdmissionRequest.isReview(obj)) {
      return AdmissionRequest.ofObject(obj);
    }
    Diagnostics d = new Diagnostics();
    return AdmissionRequest.ofReview(obj, d).orElseThrow(() -> new AssertionError(d.all()));
  }

  private static List<KubeObject> load(Path file) {
    Diagnostics d = new Diagnostics();
    List<KubeObject> objects = KubeLoader.standard().load(List.of(file.toString()), d);
    assertThat(d.hasErrors()).as(d.all().toString()).isFalse();
    return objects;
  }
}
