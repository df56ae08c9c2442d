package dev.gatehouse.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.kube.Diagnostic;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Invalid AdminNetworkPolicies and BaselineAdminNetworkPolicies are reported at the offending
 * field's line and skipped; fields Gatehouse cannot evaluate are warned about and ignored.
 */
class AdminNetworkPolicyValidationTest {
  private static final String HEAD =
      "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: bad}\nspec:\n";
  private static final String BANP =
      "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\n";
  private static final String PODS =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: a, namespace: x}
      spec: {containers: [{name: c}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: b, namespace: y}
      spec: {containers: [{name: c}]}
      """;

  private static List<Diagnostic> problems(String yaml) {
    Diagnostics d = new Diagnostics();
    Pipeline.compile(KubeLoader.parse(yaml, "p.yaml", d), d);
    return d.all();
  }

  private static List<Diagnostic> of(List<Diagnostic> ds, Severity s) {
    return ds.stream().filter(d -> d.severity() == s).toList();
  }

  private static String conn(String yaml) {
    CompiledNetwork net =
        Pipeline.compile(
            KubeLoader.parse(PODS + "---\n" + yaml, "p.yaml", new Diagnostics()),
            new Diagnostics());
    return net.allowed(net.resolve("x/a").orElseThrow(), net.resolve("y/b").orElseThrow())
        .toString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "priority out of range|  priority: 1001\\n  subject: {namespaces: {}}|5|priority 1001 is outside 0-1000",
        "priority missing|  subject: {namespaces: {}}|4|spec.priority is required",
        "priority not a number|  priority: high\\n  subject: {namespaces: {}}|5|is not an integer",
        "subject with both|  priority: 1\\n  subject: {namespaces: {}, pods: {namespaceSelector: {}, podSelector: {}}}|6|exactly one of namespaces and pods",
        "subject with neither|  priority: 1\\n  subject: {}|6|exactly one of namespaces and pods",
        "subject missing|  priority: 1|4|spec.subject is required",
        "unknown action|  priority: 1\\n  subject: {namespaces: {}}\\n  ingress:\\n  - action: Accept\\n    from: [{namespaces: {}}]|8|action \"Accept\" is not Allow, Deny or Pass",
        "action missing|  priority: 1\\n  subject: {namespaces: {}}\\n  ingress:\\n  - from: [{namespaces: {}}]|8|a rule needs an action",
        "empty from|  priority: 1\\n  subject: {namespaces: {}}\\n  ingress:\\n  - action: Allow\\n    from: []|9|at least one peer in from",
        "missing to|  priority: 1\\n  subject: {namespaces: {}}\\n  egress:\\n  - action: Allow|8|at least one peer in to",
        "peer with two fields|  priority: 1\\n  subject: {namespaces: {}}\\n  egress:\\n  - action: Allow\\n    to: [{namespaces: {}, networks: [1.0.0.0/8]}]|9|exactly one of",
        "networks in ingress|  priority: 1\\n  subject: {namespaces: {}}\\n  ingress:\\n  - action: Allow\\n    from: [{networks: [1.2.3.0/24]}]|9|unknown peer field networks",
        "bad cidr|  priority: 1\\n  subject: {namespaces: {}}\\n  egress:\\n  - action: Deny\\n    to: [{networks: [300.1.2.3/8]}]|9|\"300.1.2.3/8\" is not a valid CIDR",
        "portRange end below start|  priority: 1\\n  subject: {namespaces: {}}\\n  ingress:\\n  - action: Allow\\n    from: [{namespaces: {}}]\\n    ports:\\n    - portRange: {start: 90, end: 80}|11|portRange end 80 is below its start 90",
        "two port kinds|  priority: 1\\n  subject: {namespaces: {}}\\n  ingress:\\n  - action: Allow\\n    from: [{namespaces: {}}]\\n    ports:\\n    - {portNumber: {port: 80}, namedPort: http}|11|exactly one of portNumber, portRange and namedPort",
        "port out of range|  priority: 1\\n  subject: {namespaces: {}}\\n  ingress:\\n  - action: Allow\\n    from: [{namespaces: {}}]\\n    ports:\\n    - portNumber: {port: 0}|11|port 0 is not a port number",
        "bad protocol|  priority: 1\\n  subject: {namespaces: {}}\\n  ingress:\\n  - action: Allow\\n    from: [{namespaces: {}}]\\n    ports:\\n    - portNumber: {protocol: tcp, port: 80}|11|protocol \"tcp\" is not TCP, UDP or SCTP",
      })
  void invalidAdminPolicy_isReportedAtTheFieldAndSkipped(
      String name, String spec, int line, String message) {
    List<Diagnostic> ds = problems(HEAD + spec.replace("\\n", "\n") + "\n");
    List<Diagnostic> errors = of(ds, Severity.ERROR);
    assertThat(errors).hasSize(2);
    assertThat(errors.getFirst().message())
        .contains(message)
        .startsWith("AdminNetworkPolicy bad: ");
    assertThat(errors.getFirst().location().line()).isEqualTo(line);
    assertThat(errors.get(1).message()).isEqualTo("AdminNetworkPolicy bad is invalid; skipped");
  }

  @Test
  void samePriority_laterPolicyIsSkipped_earlierStaysInForce() {
    String deny =
        "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: first}\n"
            + "spec:\n  priority: 5\n  subject: {namespaces: {}}\n  egress: [{action: Deny, to: [{namespaces: {}}]}]\n---\n";
    String allow =
        "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: second}\n"
            + "spec:\n  priority: 5\n  subject: {namespaces: {}}\n  egress: [{action: Allow, to: [{namespaces: {}}]}]\n";
    List<Diagnostic> errors = of(problems(deny + allow), Severity.ERROR);
    assertThat(errors).hasSize(1);
    assertThat(errors.getFirst().render())
        .isEqualTo(
            "p.yaml:13: AdminNetworkPolicy second: priority 5 is already used by AdminNetworkPolicy first (p.yaml:5); the order of two policies with one priority is undefined; skipped");
    assertThat(conn(deny + allow)).isEqualTo("No Connections");
  }

  @Test
  void baseline_notNamedDefault_isSkipped() {
    List<Diagnostic> errors =
        of(
            problems(BANP + "metadata: {name: other}\nspec:\n  subject: {namespaces: {}}\n"),
            Severity.ERROR);
    assertThat(errors).extracting(d -> d.location().line()).containsExactly(3, 1);
    assertThat(errors.getFirst().message()).contains("must be named \"default\"");
  }

  @Test
  void baseline_pass_isInvalid() {
    List<Diagnostic> errors =
        of(
            problems(
                BANP
                    + "metadata: {name: default}\nspec:\n  subject: {namespaces: {}}\n  ingress:\n  - action: Pass\n    from: [{namespaces: {}}]\n"),
            Severity.ERROR);
    assertThat(errors).hasSize(2);
    assertThat(errors.getFirst().message())
        .isEqualTo(
            "BaselineAdminNetworkPolicy default: action Pass is not allowed in a BaselineAdminNetworkPolicy");
    assertThat(errors.getFirst().location().line()).isEqualTo(7);
  }

  @Test
  void baseline_second_isSkipped() {
    String b =
        BANP
            + "metadata: {name: default}\nspec:\n  subject: {namespaces: {}}\n  egress: [{action: Deny, to: [{namespaces: {}}]}]\n";
    String b2 = BANP + "metadata: {name: default}\nspec:\n  subject: {namespaces: {}}\n";
    List<Diagnostic> errors = of(problems(b + "---\n" + b2), Severity.ERROR);
    assertThat(errors).hasSize(1);
    assertThat(errors.getFirst().location().line()).isEqualTo(8);
    assertThat(errors.getFirst().message())
        .contains("there can be only one BaselineAdminNetworkPolicy");
    assertThat(conn(b + "---\n" + b2)).isEqualTo("No Connections");
  }

  @Test
  void nodesPeer_isIgnoredWithAWarning_andARuleLeftWithoutPeersHasNoEffect() {
    String p =
        HEAD
            + "  priority: 1\n  subject: {namespaces: {}}\n  egress:\n  - action: Deny\n    to: [{nodes: {}}]\n  - action: Deny\n    to: [{nodes: {}}, {namespaces: {matchLabels: {kubernetes.io/metadata.name: y}}}]\n    ports: [{portNumber: {port: 80}}]\n";
    List<Diagnostic> ds = problems(p);
    assertThat(of(ds, Severity.ERROR)).isEmpty();
    assertThat(of(ds, Severity.WARNING))
        .extracting(d -> d.location().line() + " " + d.message())
        .containsExactly(
            "9 AdminNetworkPolicy bad: nodes peers are not supported (nodes are not modelled); peer ignored",
            "8 AdminNetworkPolicy bad: the rule has no peer Gatehouse can evaluate; it has no effect",
            "11 AdminNetworkPolicy bad: nodes peers are not supported (nodes are not modelled); peer ignored");
    assertThat(conn(p)).isEqualTo("SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535");
  }

  @Test
  void missingPodSelectorInPods_isReadAsAll_withAWarning() {
    String p =
        HEAD
            + "  priority: 1\n  subject: {pods: {namespaceSelector: {}}}\n  egress: [{action: Deny, to: [{namespaces: {}}]}]\n";
    List<Diagnostic> ds = problems(p);
    assertThat(of(ds, Severity.WARNING))
        .extracting(Diagnostic::message)
        .containsExactly(
            "AdminNetworkPolicy bad: pods.podSelector is missing (the API requires it); read as {} (all)");
    assertThat(conn(p)).isEqualTo("No Connections");
  }

  @Test
  void emptyPorts_matchNothing_withAWarning() {
    String p =
        HEAD
            + "  priority: 1\n  subject: {namespaces: {}}\n  egress: [{action: Deny, to: [{namespaces: {}}], ports: []}]\n";
    List<Diagnostic> ds = problems(p);
    assertThat(of(ds, Severity.WARNING))
        .extracting(Diagnostic::message)
        .singleElement()
        .asString()
        .contains("ports: [] matches no connection");
    assertThat(conn(p)).isEqualTo("All Connections");
  }

  @Test
  void namedPortWithNetworksPeer_isAWarning() {
    String p =
        HEAD
            + "  priority: 1\n  subject: {namespaces: {}}\n  egress:\n  - action: Deny\n    to: [{networks: [1.0.0.0/8]}]\n    ports: [{namedPort: http}]\n";
    List<Diagnostic> ds = problems(p);
    assertThat(of(ds, Severity.ERROR)).isEmpty();
    assertThat(of(ds, Severity.WARNING))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.location().line()).isEqualTo(10);
              assertThat(d.message()).contains("a namedPort cannot apply to networks peers");
            });
  }
}
