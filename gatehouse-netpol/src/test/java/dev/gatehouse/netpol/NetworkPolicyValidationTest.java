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

/** Invalid NetworkPolicies are reported at the offending field's line and skipped. */
class NetworkPolicyValidationTest {
  private static final String HEAD =
      "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: bad, namespace: ns}\nspec:\n  podSelector: {}\n";

  private static List<Diagnostic> problems(String yaml) {
    Diagnostics d = new Diagnostics();
    Pipeline.compile(KubeLoader.parse(yaml, "p.yaml", d), d);
    return d.all();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "endPort with named port|  ingress:\\n  - ports:\\n    - {port: http, endPort: 90}|8|endPort cannot be used with the named port",
        "except outside cidr|  egress:\\n  - to:\\n    - ipBlock: {cidr: 10.0.0.0/16, except: [10.1.0.0/24]}|8|not strictly inside cidr",
        "empty peer|  ingress:\\n  - from:\\n    - {}|8|empty peer",
        "ipBlock with selector|  ingress:\\n  - from:\\n    - {ipBlock: {cidr: 1.2.3.0/24}, podSelector: {}}|8|ipBlock cannot be combined",
        "endPort below port|  ingress:\\n  - ports:\\n    - {port: 90, endPort: 80}|8|endPort 80 must be between port 90",
        "port out of range|  ingress:\\n  - ports:\\n    - {port: 70000}|8|outside 1-65535",
        "bad protocol|  ingress:\\n  - ports:\\n    - {protocol: ICMP}|8|is not TCP, UDP or SCTP",
        "bad cidr|  egress:\\n  - to:\\n    - ipBlock: {cidr: 10.0.0.0/33}|8|not a valid CIDR",
        "bad policy type|  policyTypes: [Sideways]|6|not Ingress or Egress",
      })
  void invalidPolicy_isReportedAtTheFieldAndSkipped(
      String name, String spec, int line, String message) {
    List<Diagnostic> ds = problems(HEAD + spec.replace("\\n", "\n") + "\n");
    assertThat(ds).filteredOn(d -> d.severity() == Severity.ERROR).hasSize(2);
    Diagnostic field = ds.getFirst();
    assertThat(field.message()).contains(message).contains("NetworkPolicy ns/bad");
    assertThat(field.location().line()).isEqualTo(line);
    assertThat(ds.get(1).message()).isEqualTo("NetworkPolicy ns/bad is invalid; skipped");
  }

  @Test
  void invalidPolicy_othersOfTheSameFileStillApply() {
    String yaml =
        HEAD
            + "  ingress: [{from: [{}]}]\n---\n"
            + "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: good, namespace: ns}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n---\n"
            + "apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: ns}\nspec: {containers: [{name: c}]}\n---\n"
            + "apiVersion: v1\nkind: Pod\nmetadata: {name: b, namespace: ns}\nspec: {containers: [{name: c}]}\n";
    Diagnostics d = new Diagnostics();
    CompiledNetwork net = Pipeline.compile(KubeLoader.parse(yaml, "p.yaml", d), d);
    assertThat(
            net.allowed(net.resolve("ns/a").orElseThrow(), net.resolve("ns/b").orElseThrow())
                .isEmpty())
        .isTrue();
  }

  @Test
  void unknownKind_isAWarning_knownUnusedKindANote() {
    List<Diagnostic> ds =
        problems(
            "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
    assertThat(ds)
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.WARNING, Severity.INFO);
    assertThat(ds.getFirst().render())
        .isEqualTo(
            "p.yaml:1: warning: Widget w (example.com/v1) skipped: not a kind network analysis knows");
    assertThat(ds.get(1).location().line()).isEqualTo(5);
  }
}
