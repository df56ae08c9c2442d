package dev.gatehouse.admission.rego;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.admission.AdmissionEngine;
import dev.gatehouse.admission.EngineChoice;
import dev.gatehouse.admission.Fixtures;
import dev.gatehouse.admission.Inventory;
import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.Result;
import dev.gatehouse.kube.Diagnostic;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.rego.EvalOptions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The Rego driver's Gatekeeper semantics: rewriting, input, inventory, contract and errors. */
class RegoDriverTest {
  private static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: prod, labels: {app: web}}
      spec:
        containers:
        - {name: a, image: nginx, securityContext: {privileged: true}}
        - {name: b, image: busybox}
      """;

  private static final String PROD_NS =
      """
      apiVersion: v1
      kind: Namespace
      metadata: {name: prod, labels: {env: production}}
      """;

  /** A template of {@code kind} with the given Rego and libs (legacy {@code rego} form). */
  static String template(String kind, String rego, String... libs) {
    StringBuilder sb =
        new StringBuilder(
            """
            apiVersion: templates.gatekeeper.sh/v1
            kind: ConstraintTemplate
            metadata: {name: %s}
            spec:
              crd:
                spec:
                  names: {kind: %s}
                  validation: {legacySchema: true, openAPIV3Schema: {type: object}}
              targets:
              - target: admission.k8s.gatekeeper.sh
                rego: |
            %s
            """
                .formatted(kind.toLowerCase(Locale.ROOT), kind, indent(rego)));
    if (libs.length > 0) {
      sb.append("    libs:\n");
      for (String lib : libs) {
        sb.append("    - |\n").append(indent(lib)).append('\n');
      }
    }
    return sb.toString();
  }

  static String constraint(String kind, String name, String parameters) {
    return "---\napiVersion: constraints.gatekeeper.sh/v1beta1\nkind: "
        + kind
        + "\nmetadata: {name: "
        + name
        + "}\nspec:\n  match: {kinds: [{apiGroups: [\"\"], kinds: [Pod]}]}\n"
        + (parameters.isEmpty() ? "" : "  parameters: " + parameters + "\n");
  }

  private static String indent(String s) {
    return s.strip().lines().map(l -> "      " + l).reduce((a, b) -> a + "\n" + b).orElse("");
  }

  static PolicySnapshot snapshot(String yaml, Diagnostics d) {
    return AdmissionEngine.builder()
        .driver(RegoDriver.create())
        .engine(EngineChoice.REGO)
        .build()
        .compile(Fixtures.policies(yaml), d);
  }

  static List<String> review(String policies, String object, String inventory) {
    Diagnostics d = new Diagnostics();
    PolicySnapshot s = snapshot(policies, d);
    assertThat(d.all()).isEmpty();
    Inventory inv = Inventory.of(inventory.isEmpty() ? List.of() : Fixtures.objects(inventory, d));
    return s.review(Fixtures.request(object), inv).results().stream()
        .map(Result::gatekeeperMessage)
        .toList();
  }

  @Test
  void review_sameLibPackageInTwoTemplates_eachSeesItsOwnLib() {
    String lib1 = "package lib.helpers\nwho = \"first\"";
    String lib2 = "package lib.helpers\nwho = \"second\"";
    String rego =
        """
        package k8sshared
        import data.lib.helpers
        violation[{"msg": msg}] { msg := sprintf("%v via %v", [helpers.who, data["lib"].helpers.who]) }
        """;
    String yaml =
        template("K8sFirst", rego, lib1)
            + "---\n"
            + template("K8sSecond", rego, lib2)
            + constraint("K8sFirst", "one", "")
            + constraint("K8sSecond", "two", "");
    assertThat(review(yaml, POD, ""))
        .containsExactly("[one] first via first", "[two] second via second");
  }

  @Test
  void compile_refsOutsideLibAndInventory_rejectedAsGatekeeperDoes() {
    String rego =
        """
        package k8sbad
        import input.review
        violation[{"msg": "x"}] { data.k8sother.deny; data[_] }
        """;
    String lib = "package helpers\nok = true";
    Diagnostics d = new Diagnostics();
    PolicySnapshot s = snapshot(template("K8sBad", rego, lib) + constraint("K8sBad", "c", ""), d);
    assertThat(s.templates()).isEmpty();
    assertThat(d.all().stream().map(Diagnostic::message))
        .anySatisfy(m -> assertThat(m).contains("template:2: bad import input.review"))
        .anySatisfy(m -> assertThat(m).contains("template:3: disallowed ref data.k8sother.deny"))
        .anySatisfy(m -> assertThat(m).contains("template:3: disallowed ref data[_]"))
        .anySatisfy(m -> assertThat(m).contains("libs[\"lib_0\"]:1: path data.helpers not found"));
  }

  @Test
  void compile_noViolationRule_isRejected() {
    Diagnostics d = new Diagnostics();
    snapshot(
        template("K8sNone", "package x\ndeny[m] { m := 1 }") + constraint("K8sNone", "c", ""), d);
    assertThat(d.all())
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("missing required rules: [violation]"));
  }

  @Test
  void compile_parseError_isLocatedAtTheRegoField() {
    Diagnostics d = new Diagnostics();
    snapshot(
        template("K8sBroken", "package x\nviolation[{\"msg\": m}] { m := ) }")
            + constraint("K8sBroken", "c", ""),
        d);
    assertThat(d.all())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.message()).contains("template:2:").contains("rego_parse_error");
              assertThat(x.location().line()).as("the rego: field").isEqualTo(11);
            });
  }

  @Test
  void review_parameters_defaultToEmptyObjectAndKeepBigIntegersExact() {
    String rego =
        """
        package k8sparams
        violation[{"msg": msg}] { count(input.parameters) == 0; msg := "no parameters" }
        violation[{"msg": msg}] { n := input.parameters.n; msg := sprintf("n=%v n+1=%v", [n, n + 1]) }
        """;
    String yaml =
        template("K8sParams", rego)
            + constraint("K8sParams", "none", "")
            + constraint("K8sParams", "big", "{n: 9007199254740993}");
    assertThat(review(yaml, POD, ""))
        .containsExactly("[none] no parameters", "[big] n=9007199254740993 n+1=9007199254740994");
  }

  @Test
  void review_namespaceObjectAndInventory_areVisible() {
    String rego =
        """
        package k8sref
        violation[{"msg": msg}] {
          env := input.review.namespaceObject.metadata.labels.env
          other := data.inventory.namespace[ns][_]["Pod"][name]
          name != input.review.object.metadata.name
          msg := sprintf("%v: %v/%v", [env, ns, name])
        }
        """;
    String other = "apiVersion: v1\nkind: Pod\nmetadata: {name: db, namespace: prod}\n";
    String yaml = template("K8sRef", rego) + constraint("K8sRef", "ref", "");
    assertThat(review(yaml, POD, PROD_NS + "---\n" + other))
        .containsExactly("[ref] production: prod/db");
  }

  @Test
  void review_violationContract_dropsNoMsgAndCollapsesEqualResults() {
    String rego =
        """
        package k8scontract
        violation[{"msg": "same", "details": {}}] { true }
        violation[{"msg": "same"}] { true }
        violation[{"msg": "same", "extra": 1}] { true }
        violation[{"details": {"no": "msg"}}] { true }
        violation["not an object"] { true }
        violation[{"msg": "with details", "details": {"c": c}}] { c := input.review.object.spec.containers[_].name }
        """;
    Diagnostics d = new Diagnostics();
    PolicySnapshot s =
        snapshot(template("K8sContract", rego) + constraint("K8sContract", "c", ""), d);
    List<Result> results = s.review(Fixtures.request(POD), Inventory.empty()).results();
    assertThat(results)
        .extracting(Result::message)
        .containsExactly("same", "with details", "with details");
    assertThat(results.get(1).details().toString()).isEqualTo("{\"c\":\"a\"}");
    assertThat(results.get(0).details().toString()).isEqualTo("{}");
  }

  @Test
  void review_evalError_becomesOneResultPerConstraintOfTheTemplate() {
    String rego =
        """
        package k8sconflict
        violation[{"msg": "fine"}] { true }
        violation[{"msg": msg}] { input.parameters.conflict; msg := f(1) }
        f(x) = 1 { true }
        f(x) = 2 { true }
        """;
    String yaml =
        template("K8sConflict", rego)
            + constraint("K8sConflict", "ok", "")
            + constraint("K8sConflict", "bad", "{conflict: true}");
    assertThat(review(yaml, POD, ""))
        .containsExactly(
            "[ok] template:5:1: eval_conflict_error: functions must not produce multiple outputs"
                + " for same inputs",
            "[bad] template:5:1: eval_conflict_error: functions must not produce multiple outputs"
                + " for same inputs");
  }

  @Test
  void review_nonStringMsg_failsTheTemplateAsGatekeeperDoes() {
    String yaml =
        template("K8sNumber", "package x\nviolation[{\"msg\": 42}] { true }")
            + constraint("K8sNumber", "n", "");
    assertThat(review(yaml, POD, ""))
        .containsExactly("[n] message binding was json.Number but want string");
  }

  @Test
  void review_stepLimit_endsRunawayEvaluationWithCancelError() {
    String rego =
        """
        package k8sloop
        violation[{"msg": "done"}] { count([x | x := numbers.range(1, 1000000)[_]]) > 0 }
        """;
    Diagnostics d = new Diagnostics();
    PolicySnapshot s =
        AdmissionEngine.builder()
            .driver(RegoDriver.create(new EvalOptions(10_000, Duration.ofSeconds(5), false)))
            .build()
            .compile(
                Fixtures.policies(template("K8sLoop", rego) + constraint("K8sLoop", "l", "")), d);
    assertThat(s.review(Fixtures.request(POD), Inventory.empty()).results())
        .singleElement()
        .satisfies(r -> assertThat(r.message()).contains("eval_cancel_error"));
  }

  @Test
  void review_regoV1Source_isParsedWithV1Keywords() {
    String yaml =
        """
        apiVersion: templates.gatekeeper.sh/v1
        kind: ConstraintTemplate
        metadata: {name: k8sversion}
        spec:
          crd: {spec: {names: {kind: K8sVersion}}}
          targets:
          - target: admission.k8s.gatekeeper.sh
            code:
            - engine: Rego
              source:
                version: v1
                rego: |
                  package k8sversion
                  violation contains {"msg": msg} if {
                    some c in input.review.object.spec.containers
                    c.securityContext.privileged
                    msg := sprintf("privileged: %v", [c.name])
                  }
        """
            + constraint("K8sVersion", "v", "");
    assertThat(review(yaml, POD, "")).containsExactly("[v] privileged: a");
  }
}
