package dev.gatehouse.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.netpol.compile.PolicyCompiler;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.EngineOptions;
import dev.gatehouse.netpol.engine.EngineProfile;
import dev.gatehouse.netpol.engine.NetworkEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Engine profiles: whether address rules (ipBlock, CIDR) match pods by their IPs (Azure NPM and
 * Calico: yes; Cilium and the conformance data: no).
 */
class EngineProfileTest {
  /** Pods a (10.0.0.5) and b (10.0.1.7) share their labels; c (10.9.9.9) is the client. */
  private static final String PODS =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: a, namespace: ns, labels: {app: server}}
      spec: {containers: [{name: c}]}
      status: {podIPs: [{ip: 10.0.0.5}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: b, namespace: ns, labels: {app: server}}
      spec: {containers: [{name: c}]}
      status: {podIPs: [{ip: 10.0.1.7}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: c, namespace: ns, labels: {app: client}}
      spec: {containers: [{name: c}]}
      status: {podIP: 10.9.9.9}
      ---
      """;

  private static final String EGRESS_TO_BLOCK =
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: out, namespace: ns}
      spec:
        podSelector: {matchLabels: {app: client}}
        policyTypes: [Egress]
        egress:
        - to: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.1.0/24]}}]
      """;

  static CompiledNetwork net(String yaml, EngineProfile profile, Diagnostics d) {
    ClusterSnapshot s = ClusterSnapshot.of(KubeLoader.parse(yaml, "p.yaml", d), d);
    return NetworkEngine.compile(s, PolicyCompiler.compile(s, d), d, EngineOptions.of(profile));
  }

  private static String conn(String yaml, EngineProfile profile, String src, String dst) {
    CompiledNetwork n = net(yaml, profile, new Diagnostics());
    return n.allowed(n.resolve(src).orElseThrow(), n.resolve(dst).orElseThrow()).toString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "DEFAULT, No Connections, No Connections",
    "CILIUM, No Connections, No Connections",
    "AZURE_NPM, All Connections, No Connections",
    "CALICO, All Connections, No Connections",
  })
  void ipBlock_matchesPodIpsOnlyInProfilesThatSaySo(EngineProfile profile, String toA, String toB) {
    String yaml = PODS + EGRESS_TO_BLOCK;
    assertThat(conn(yaml, profile, "ns/c", "ns/a")).isEqualTo(toA);
    assertThat(conn(yaml, profile, "ns/c", "ns/b")).isEqualTo(toB);
    assertThat(conn(yaml, profile, "ns/c", "10.0.0.9")).isEqualTo("All Connections");
    assertThat(conn(yaml, profile, "ns/c", "10.0.1.9")).isEqualTo("No Connections");
  }

  @Test
  void podsWithEqualLabels_getDistinctIdentitiesWhenAddressRulesTellThemApart() {
    String yaml = PODS + EGRESS_TO_BLOCK;
    assertThat(net(yaml, EngineProfile.DEFAULT, new Diagnostics()).identities().size())
        .isEqualTo(2);
    assertThat(net(yaml, EngineProfile.AZURE_NPM, new Diagnostics()).identities().size())
        .isEqualTo(3);
  }

  @Test
  void ingressFromIpBlock_matchesSourcePods() {
    String yaml =
        PODS
            + """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: in, namespace: ns}
            spec:
              podSelector: {matchLabels: {app: server}}
              ingress:
              - from: [{ipBlock: {cidr: 10.9.9.0/24}}]
            """;
    assertThat(conn(yaml, EngineProfile.CALICO, "ns/c", "ns/a")).isEqualTo("All Connections");
    assertThat(conn(yaml, EngineProfile.DEFAULT, "ns/c", "ns/a")).isEqualTo("No Connections");
  }

  @Test
  void ciliumCidrRules_followTheProfileToo() {
    String yaml =
        PODS
            + """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: out, namespace: ns}
            spec:
              endpointSelector: {matchLabels: {app: client}}
              egress:
              - toCIDR: [10.0.0.5/32]
            """;
    assertThat(conn(yaml, EngineProfile.CILIUM, "ns/c", "ns/a")).isEqualTo("No Connections");
    assertThat(conn(yaml, EngineProfile.AZURE_NPM, "ns/c", "ns/a")).isEqualTo("All Connections");
  }

  @Test
  void aWorkloadWhosePodsStraddleTheBlock_isWarnedAboutAndTreatedAsOutside() {
    String yaml =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: s-1
          namespace: ns
          labels: {app: server}
          ownerReferences: [{kind: ReplicaSet, name: s, controller: true}]
        spec: {containers: [{name: c}]}
        status: {podIPs: [{ip: 10.0.0.5}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: s-2
          namespace: ns
          labels: {app: server}
          ownerReferences: [{kind: ReplicaSet, name: s, controller: true}]
        spec: {containers: [{name: c}]}
        status: {podIPs: [{ip: 10.0.1.7}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: c, namespace: ns, labels: {app: client}}
        spec: {containers: [{name: c}]}
        ---
        """
            + EGRESS_TO_BLOCK;
    Diagnostics d = new Diagnostics();
    CompiledNetwork n = net(yaml, EngineProfile.AZURE_NPM, d);
    assertThat(d.all()).anyMatch(x -> x.code().equals("pods-straddle-cidr"));
    assertThat(
            n.allowed(n.resolve("ns/c").orElseThrow(), n.resolve("ns/s").orElseThrow()).toString())
        .isEqualTo("No Connections");
  }

  @Test
  void profiles_parseTheirFlags() {
    assertThat(EngineProfile.parse("azure-npm")).contains(EngineProfile.AZURE_NPM);
    assertThat(EngineProfile.parse("Calico")).contains(EngineProfile.CALICO);
    assertThat(EngineProfile.parse("weave")).isEmpty();
  }
}
