package dev.gatehouse.netpol.cilium;

import static dev.gatehouse.netpol.cilium.CiliumFixture.conn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.kube.Diagnostic;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.Pipeline;
import dev.gatehouse.netpol.engine.ConnectivityAnalysis;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Invalid Cilium policies are reported at the offending field's line and skipped as a whole; fields
 * the analysis cannot evaluate are warned about and the rest of the policy is used.
 */
class CiliumValidationTest {
  private static final String HEAD =
      "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: bad, namespace: shop}\n"
          + "spec:\n  endpointSelector: {}\n";

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
        "two kinds of L3 peer|  ingress:\\n  - fromEndpoints: [{}]\\n    fromCIDR: [10.0.0.0/8]|7|Combining fromEndpoints and fromCIDR is not supported yet",
        "unknown entity|  ingress:\\n  - fromEntities: [galaxy]|7|unsupported entity: galaxy",
        "except outside cidr|  egress:\\n  - toCIDRSet:\\n    - {cidr: 10.0.0.0/16, except: [10.1.0.0/24]}|8|does not contain exclude CIDR prefix 10.1.0.0/24",
        "bad cidr|  egress:\\n  - toCIDR: [10.0.0.0/33]|7|is not a CIDR or an IP address",
        "L7 on UDP|  ingress:\\n  - toPorts:\\n    - ports: [{port: \"80\", protocol: UDP}]\\n      rules: {http: [{}]}|9|L7 rules can only apply to TCP",
        "L7 on port 0|  ingress:\\n  - toPorts:\\n    - ports: [{port: \"0\", protocol: TCP}]\\n      rules: {http: [{}]}|9|L7 rules can not be used when a port is 0",
        "DNS on ingress|  ingress:\\n  - toPorts:\\n    - ports: [{port: \"53\", protocol: UDP}]\\n      rules: {dns: [{matchPattern: \"*\"}]}|9|DNS rules are not allowed on ingress",
        "DNS without ports|  egress:\\n  - toPorts:\\n    - rules: {dns: [{matchPattern: \"*\"}]}|8|Port 53 must be specified for DNS rules",
        "DNS port range|  egress:\\n  - toPorts:\\n    - ports: [{port: \"53\", endPort: 60, protocol: UDP}]\\n      rules: {dns: [{matchPattern: \"*\"}]}|9|DNS rules do not support port ranges",
        "bad path regex|  ingress:\\n  - toPorts:\\n    - ports: [{port: \"80\", protocol: TCP}]\\n      rules: {http: [{path: \"/a((\"}]}|9|path \"/a((\" is not a valid RE2 expression",
        "two L7 kinds|  egress:\\n  - toPorts:\\n    - ports: [{port: \"53\", protocol: TCP}]\\n      rules: {http: [{}], dns: [{matchPattern: \"*\"}]}|9|multiple L7 protocol rule types",
        "deny with L7|  ingressDeny:\\n  - toPorts:\\n    - ports: [{port: \"80\", protocol: TCP}]\\n      rules: {http: [{}]}|9|deny rules cannot carry L7 rules",
        "deny with toFQDNs|  egressDeny:\\n  - toFQDNs: [{matchName: a.com}]|7|deny rules cannot use toFQDNs",
        "bad label source|  ingress:\\n  - fromEndpoints: [{matchLabels: {container:app: x}}]|7|label source \"container:\" is not supported",
        "service account|  ingress:\\n  - fromEndpoints: [{matchLabels: {io.cilium.k8s.policy.serviceaccount: sa}}]|7|selectors are not supported",
        "bad pattern|  egress:\\n  - toFQDNs: [{matchPattern: \"a/b.com\"}]|7|may contain only letters",
        "name and pattern|  egress:\\n  - toFQDNs: [{matchName: a.com, matchPattern: \"*.a.com\"}]|7|set exactly one of matchName and matchPattern",
        "bad protocol|  ingress:\\n  - toPorts:\\n    - ports: [{port: \"80\", protocol: XTP}]|8|protocol \"XTP\" is not TCP, UDP, SCTP or ANY",
        "port too big|  ingress:\\n  - toPorts:\\n    - ports: [{port: \"70000\"}]|8|outside 0-65535",
        "bad port name|  ingress:\\n  - toPorts:\\n    - ports: [{port: \"-web-\"}]|8|neither a number nor a valid port name",
        "icmps with toPorts|  ingress:\\n  - icmps: [{fields: [{type: 8}]}]\\n    toPorts: [{ports: [{port: \"80\"}]}]|7|The ICMPs block may only be present without ToPorts",
        "toServices with toPorts|  egress:\\n  - toServices: [{k8sService: {serviceName: a, namespace: b}}]\\n    toPorts: [{ports: [{port: \"80\"}]}]|7|Combining toServices and toPorts",
        "bad default deny|  enableDefaultDeny: {ingress: maybe}|6|must be true or false",
      })
  void invalidPolicy_isReportedAtTheFieldAndSkipped(
      String name, String spec, int line, String message) {
    List<Diagnostic> ds = problems(HEAD + spec.replace("\\n", "\n") + "\n");
    List<Diagnostic> errors = ds.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    assertThat(errors).hasSizeGreaterThanOrEqualTo(2);
    Diagnostic field = errors.getFirst();
    assertThat(field.message()).contains(message).contains("CiliumNetworkPolicy shop/bad");
    assertThat(field.location().line()).isEqualTo(line);
    assertThat(errors.getLast().message())
        .isEqualTo("CiliumNetworkPolicy shop/bad is invalid; skipped");
  }

  @Test
  void ruleWithoutEndpointSelector_isAnError() {
    String yaml =
        "apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {name: bad}\n"
            + "specs:\n- ingress: [{}]\n";
    List<Diagnostic> ds = problems(yaml);
    assertThat(ds.getFirst().message())
        .contains("rule must have one of endpointSelector or nodeSelector");
    assertThat(ds.getFirst().location().line()).isEqualTo(5);
    assertThat(ds.getLast().message())
        .isEqualTo("CiliumClusterwideNetworkPolicy bad is invalid; skipped");
  }

  @Test
  void withoutSpec_isAnError() {
    List<Diagnostic> ds =
        problems("apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: bad}\n");
    assertThat(ds.getFirst().message()).contains("without spec or specs");
  }

  @Test
  void invalidPolicy_isSkipped_othersApply() {
    String bad =
        HEAD.replace("endpointSelector: {}", "endpointSelector: {matchLabels: {app: api}}")
            + "  ingress:\n  - fromEntities: [galaxy]\n---\n";
    String good =
        CiliumFixture.cnp(
            "good", "shop", "endpointSelector: {matchLabels: {app: web}}\ningress: [{}]");
    Diagnostics d = new Diagnostics();
    var net =
        Pipeline.compile(KubeLoader.parse(CiliumFixture.CLUSTER + bad + good, "p.yaml", d), d);
    assertThat(d.hasErrors()).isTrue();
    var report = ConnectivityAnalysis.run(net);
    assertThat(conn(report, "other/client", "shop/api")).isEqualTo("All Connections");
    assertThat(conn(report, "other/client", "shop/web")).isEqualTo("No Connections");
  }

  @Test
  void unanalysedFields_areWarnings_andTheRestOfThePolicyApplies() {
    String p =
        CiliumFixture.cnp(
            "p",
            "shop",
            "endpointSelector: {matchLabels: {app: api}}\ningress:\n"
                + "- fromEndpoints: [{matchLabels: {app: web}}]\n"
                + "  toPorts:\n  - ports: [{port: \"9092\", protocol: TCP}]\n"
                + "    rules: {kafka: [{topic: t}]}\n"
                + "- icmps: [{fields: [{type: 8}]}]\n"
                + "- toPorts: [{ports: [{port: \"1\", protocol: ICMP}]}]\n"
                + "egress:\n- toServices: [{k8sService: {serviceName: a, namespace: b}}]\n");
    Diagnostics d = CiliumFixture.diagnostics(p);
    assertThat(d.hasErrors()).isFalse();
    assertThat(
            d.all().stream().filter(x -> x.severity() == Severity.WARNING).map(Diagnostic::message))
        .anySatisfy(m -> assertThat(m).contains("kafka rules are not analysed"))
        .anySatisfy(m -> assertThat(m).contains("ICMP rules are not analysed"))
        .anySatisfy(m -> assertThat(m).contains("protocol ICMP is not analysed"))
        .anySatisfy(m -> assertThat(m).contains("services peers are not analysed"));
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("TCP 9092");
    assertThat(conn(p, "other/client", "shop/api")).isEqualTo("No Connections");
    assertThat(conn(p, "shop/api", "shop/web")).isEqualTo("No Connections");
  }

  @Test
  void hostPolicy_isIgnoredWithAWarning() {
    String yaml =
        "apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {name: host}\n"
            + "spec:\n  nodeSelector: {}\n  ingress: [{}]\n";
    Diagnostics d = CiliumFixture.diagnostics(yaml);
    assertThat(d.hasErrors()).isFalse();
    assertThat(d.all())
        .anyMatch(x -> x.message().contains("host policies (nodeSelector) are not analysed"));
    assertThat(conn(yaml, "shop/web", "shop/api")).isEqualTo("All Connections");
  }
}
