package dev.gatehouse.admission.cel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.admission.AdmissionEngine;
import dev.gatehouse.admission.AdmissionRequest;
import dev.gatehouse.admission.Fixtures;
import dev.gatehouse.admission.Inventory;
import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.Result;
import dev.gatehouse.kube.Diagnostics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CelDriverTest {
  private static final AdmissionRequest POD =
      Fixtures.request(
          "apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: p, labels: {app: web}}\n"
              + "spec: {containers: [{name: c, image: nginx}]}\n");

  private static String template(String source) {
    return """
        apiVersion: templates.gatekeeper.sh/v1
        kind: ConstraintTemplate
        metadata: {name: k8st}
        spec:
          crd: {spec: {names: {kind: K8sT}}}
          targets:
          - target: admission.k8s.gatekeeper.sh
            code:
            - engine: K8sNativeValidation
              source:
        """
        + source.indent(8)
        + "---\napiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sT\nmetadata: {name: c}\n"
        + "spec: {parameters: {required: [app, team]}}\n";
  }

  private static List<String> messages(String source, AdmissionRequest request) {
    return messages(Fixtures.snapshot(template(source)), request);
  }

  private static List<String> messages(PolicySnapshot s, AdmissionRequest request) {
    return s.review(request, Inventory.empty()).results().stream()
        .map(Result::gatekeeperMessage)
        .toList();
  }

  @Test
  void variables_lazyInOrderWithGatekeeperBindings() {
    String src =
        """
        variables:
        - name: labels
          expression: 'has(variables.anyObject.metadata.labels) ? variables.anyObject.metadata.labels : {}'
        - name: missing
          expression: 'variables.params.required.filter(k, !(k in variables.labels))'
        validations:
        - expression: 'size(variables.missing) == 0'
          messageExpression: '"missing labels: " + variables.missing.join(", ")'
        """;
    assertThat(messages(src, POD)).containsExactly("[c] missing labels: team");
  }

  @Test
  void message_fallbacks_followKubernetesRules() {
    String src =
        """
        validations:
        - expression: 'false'
          messageExpression: '"two\\nlines"'
          message: static message
        - expression: 'false'
          messageExpression: '"   "'
        - expression: '1 == 2'
        - expression: 'false'
          messageExpression: 'object.nope'
          message: fallback after error
        """;
    assertThat(messages(src, POD))
        .containsExactly(
            "[c] static message",
            "[c] failed expression: false",
            "[c] failed expression: 1 == 2",
            "[c] fallback after error");
  }

  @Test
  void failurePolicy_failReportsErrorIgnoreDropsIt() {
    String fail = "validations:\n- expression: 'object.spec.nope == 1'\n";
    assertThat(messages(fail, POD))
        .singleElement()
        .asString()
        .startsWith("[c] expression 'object.spec.nope == 1' resulted in error: ")
        .contains("nope");
    assertThat(messages("failurePolicy: Ignore\n" + fail, POD)).isEmpty();
  }

  @Test
  void matchConditions_falseSkipsValidations() {
    String src =
        """
        matchConditions:
        - name: only-db
          expression: 'object.metadata.labels.app == "db"'
        validations:
        - expression: 'false'
          message: denied
        """;
    assertThat(messages(src, POD)).isEmpty();
    assertThat(messages(src.replace("\"db\"", "\"web\""), POD)).containsExactly("[c] denied");
  }

  @Test
  void delete_anyObjectIsOldObjectAndObjectIsNull() {
    AdmissionRequest delete =
        Fixtures.request(
            """
            apiVersion: admission.k8s.io/v1
            kind: AdmissionReview
            request:
              operation: DELETE
              kind: {group: "", version: v1, kind: Pod}
              namespace: p
              name: a
              oldObject: {apiVersion: v1, kind: Pod, metadata: {name: a, namespace: p}}
            """);
    String src =
        "validations:\n- expression: 'object != null || variables.anyObject.metadata.name != \"a\"'\n"
            + "  messageExpression: 'request.operation + \" of \" + variables.anyObject.metadata.name'\n";
    assertThat(messages(src, delete)).containsExactly("[c] DELETE of a");
    assertThat(messages(src, POD)).isEmpty();
  }

  @Test
  void params_isConstraintAndParametersMayBeNull() {
    String yaml =
        template(
                "validations:\n- expression: 'variables.params == null && params.metadata.name == \"c\"'\n")
            .replace("spec: {parameters: {required: [app, team]}}", "spec: {}");
    assertThat(messages(Fixtures.snapshot(yaml), POD)).isEmpty();
  }

  @Test
  void variableError_surfacesInEveryReader() {
    String src =
        """
        variables:
        - name: bad
          expression: 'object.spec.nope'
        validations:
        - expression: 'variables.bad == 1'
        """;
    assertThat(messages(src, POD)).singleElement().asString().contains("variable \"bad\" failed");
  }

  @Test
  void costLimit_hostileExpressionFailsClearly() {
    String src =
        "validations:\n- expression: '[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b,"
            + " [1,2,3,4,5,6,7,8,9,10].all(c, [1,2,3,4,5,6,7,8,9,10].all(d, [1,2,3,4,5,6,7,8,9,10].all(e, true)))))'\n";
    Diagnostics d = new Diagnostics();
    PolicySnapshot s =
        AdmissionEngine.builder()
            .driver(CelDriver.create(new CelLimits(10_000, -1, Duration.ofSeconds(5))))
            .build()
            .compile(
                dev.gatehouse.admission.PolicyLoader.load(Fixtures.objects(template(src), d), d),
                d);
    // The cost limit, not the 5 s deadline, stops it: the message names the limit.
    assertThat(messages(s, POD)).singleElement().asString().contains("cost limit exceeded");
  }

  @Test
  void compile_cachesPrograms_samePolicyCompilesOnce() {
    CelDriver driver = CelDriver.create();
    AdmissionEngine engine = AdmissionEngine.builder().driver(driver).build();
    Diagnostics d = new Diagnostics();
    var set =
        dev.gatehouse.admission.PolicyLoader.load(
            Fixtures.objects(template("validations:\n- expression: 'true'\n"), d), d);
    PolicySnapshot a = engine.compile(set, d);
    PolicySnapshot b = engine.compile(set, d);
    var ta = (CompiledCelTemplate) a.templates().get("K8sT");
    var tb = (CompiledCelTemplate) b.templates().get("K8sT");
    assertThat(ta.checks().get(0).expression().program())
        .isSameAs(tb.checks().get(0).expression().program());
  }
}
