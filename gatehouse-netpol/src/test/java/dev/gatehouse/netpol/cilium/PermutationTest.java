package dev.gatehouse.netpol.cilium;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.netpol.Pipeline;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.ConnectivityAnalysis;
import dev.gatehouse.netpol.engine.Endpoint;
import dev.gatehouse.netpol.engine.Verdict;
import dev.gatehouse.netpol.l7.HttpRequest;
import dev.gatehouse.netpol.output.ConnectivityWriter;
import dev.gatehouse.netpol.output.OutputFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Order independence (as Cilium's {@code pkg/policy/distillery_test.go} checks for its own engine):
 * reordering the input's documents, and every list inside NetworkPolicy and Cilium policies (rules,
 * peers, ports, L7 rules, {@code specs}), never changes connectivity or a verdict. The input also
 * holds AdminNetworkPolicies (Allow, Deny and Pass rules) and a BaselineAdminNetworkPolicy: their
 * documents are reordered, and the peers, networks and ports inside each rule, but not their rule
 * lists, whose order is their precedence.
 */
class PermutationTest {
  private static final Set<String> SHUFFLED =
      Set.of("NetworkPolicy", "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy");
  private static final Set<String> ADMIN =
      Set.of("AdminNetworkPolicy", "BaselineAdminNetworkPolicy");

  private static final String ADMIN_POLICIES =
      """
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: AdminNetworkPolicy
      metadata: {name: shop-boundary}
      spec:
        priority: 10
        subject: {namespaces: {matchLabels: {team: a}}}
        ingress:
        - name: pass-shop-internal
          action: Pass
          from: [{namespaces: {matchLabels: {team: a}}}]
        - name: deny-other-metrics
          action: Deny
          from: [{namespaces: {matchLabels: {team: b}}}, {pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: retail}}, podSelector: {}}}]
          ports: [{portNumber: {protocol: TCP, port: 9090}}, {namedPort: dns}]
      ---
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: AdminNetworkPolicy
      metadata: {name: cluster-dns}
      spec:
        priority: 20
        subject: {namespaces: {}}
        egress:
        - name: allow-kube-dns
          action: Allow
          to: [{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}}]
          ports: [{portNumber: {protocol: UDP, port: 53}}, {portNumber: {protocol: TCP, port: 53}}]
      ---
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: AdminNetworkPolicy
      metadata: {name: client-egress}
      spec:
        priority: 30
        subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: client}}}}
        egress:
        - name: deny-metadata-and-lab
          action: Deny
          to: [{networks: [169.254.169.254/32, 10.3.0.0/16]}]
        - name: pass-https
          action: Pass
          to: [{networks: [0.0.0.0/0]}, {namespaces: {matchLabels: {team: a}}}]
          ports: [{portNumber: {protocol: TCP, port: 443}}, {portRange: {protocol: TCP, start: 8000, end: 8999}}]
        - name: deny-web-80
          action: Deny
          to: [{pods: {namespaceSelector: {matchLabels: {team: a}}, podSelector: {matchLabels: {app: web}}}}]
          ports: [{portNumber: {protocol: TCP, port: 80}}]
      ---
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: BaselineAdminNetworkPolicy
      metadata: {name: default}
      spec:
        subject: {namespaces: {matchLabels: {team: b}}}
        ingress:
        - name: deny-all-ingress
          action: Deny
          from: [{namespaces: {}}]
        egress:
        - name: allow-shop-api
          action: Allow
          to: [{namespaces: {matchLabels: {team: a}}}]
          ports: [{portNumber: {protocol: TCP, port: 8080}}]
        - name: deny-rest
          action: Deny
          to: [{networks: [0.0.0.0/0]}, {namespaces: {}}]
      ---
      """;

  private static final String EXTRA =
      CiliumFixture.cnp(
              "multi",
              "shop",
              """
              endpointSelector: {matchLabels: {app: api}}
              ingress:
              - fromEndpoints: [{matchLabels: {app: web}}, {matchLabels: {k8s:io.kubernetes.pod.namespace: other}}]
                toPorts:
                - ports: [{port: "8080", protocol: TCP}, {port: "9090", protocol: TCP}]
                  rules: {http: [{method: GET, path: "/a/.*"}, {method: POST, path: /b}]}
                - ports: [{port: dns}]
              - fromEntities: [host, world]
                toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
              - fromCIDRSet: [{cidr: 10.0.0.0/8, except: [10.1.0.0/16, 10.2.0.0/16]}]
              ingressDeny:
              - fromCIDR: [10.3.0.0/16, 10.4.0.0/16]
                toPorts: [{ports: [{port: "9090", protocol: TCP}]}]
              egress:
              - toFQDNs: [{matchPattern: "*.example.com"}, {matchName: api.example.org}]
                toPorts: [{ports: [{port: "443", protocol: TCP}, {port: "80", protocol: TCP}]}]
              - toEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: kube-system, k8s-app: kube-dns}}]
                toPorts:
                - ports: [{port: "53", protocol: UDP}, {port: "53", protocol: TCP}]
                  rules: {dns: [{matchPattern: "*.example.com"}, {matchName: api.example.org}]}
              - toEndpoints: [{matchLabels: {app: web}}]
                toPorts:
                - ports: [{port: "80", protocol: TCP}]
                  rules: {http: [{method: GET}]}
              """)
          + """
              apiVersion: cilium.io/v2
              kind: CiliumClusterwideNetworkPolicy
              metadata: {name: cw}
              specs:
              - endpointSelector: {matchLabels: {app: web}}
                ingress:
                - fromEndpoints: [{}]
                  toPorts: [{ports: [{port: http, protocol: TCP}]}]
                egress:
                - toEntities: [all]
                egressDeny:
                - toEntities: [kube-apiserver, remote-node]
              - endpointSelector: {matchLabels: {app: client}}
                egress:
                - toEntities: [cluster]
                - toCIDR: [192.168.0.0/16, 192.168.7.7]
              ---
              """
          + CiliumFixture.np(
              "np",
              "shop",
              """
              podSelector: {matchLabels: {app: api}}
              policyTypes: [Ingress, Egress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: web}}}, {ipBlock: {cidr: 172.16.0.0/12, except: [172.16.1.0/24]}}]
                ports: [{port: 7000, endPort: 7100}, {protocol: UDP, port: 5353}]
              - from: [{namespaceSelector: {matchLabels: {team: b}}}]
                ports: [{port: metrics}]
              egress:
              - to: [{namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
              """);

  @Test
  void reorderingDocumentsAndLists_neverChangesConnectivityOrAVerdict() {
    Diagnostics d = new Diagnostics();
    List<KubeObject> base =
        new ArrayList<>(
            KubeLoader.parse(CiliumFixture.CLUSTER + EXTRA + ADMIN_POLICIES, "p.yaml", d));
    for (KubeObject o : KubeLoader.standard().load(List.of("../examples/retail"), d)) {
      if (base.stream().noneMatch(b -> b.displayName().equals(o.displayName()))) {
        base.add(o);
      }
    }
    assertThat(d.hasErrors()).as(d.all().toString()).isFalse();
    String expected = fingerprint(base);
    // The admin tiers are in force: a Deny over a Cilium allow, a Deny before a Pass, a Pass down
    // to
    // the Cilium policy's L7 rules, the baseline's default deny.
    assertThat(expected)
        .contains("other/client shop/web[Deployment] 80 false")
        .contains("other/client 10.3.1.1 443 false")
        .contains("other/client[Deployment] => shop/api[Deployment] : TCP 8080 (HTTP GET")
        .contains("shop/web other/client[Deployment] 80 false");
    assertThat(expected).contains("(HTTP GET /a/.* | HTTP POST /b)").contains("[FQDN]");
    Random random = new Random(20240611L);
    for (int i = 0; i < 25; i++) {
      List<KubeObject> shuffled = new ArrayList<>(base);
      Collections.shuffle(shuffled, random);
      Diagnostics di = new Diagnostics();
      List<KubeObject> again = new ArrayList<>();
      for (KubeObject o : shuffled) {
        ObjectNode body = o.body().deepCopy();
        if (SHUFFLED.contains(o.kind())) {
          shuffleArrays(body.path("spec"), random);
          shuffleArrays(body.path("specs"), random);
        } else if (ADMIN.contains(o.kind())) {
          shuffleWithinRules(body.path("spec"), random);
        }
        again.addAll(KubeLoader.parse(body.toString(), "shuffled.json", di));
      }
      assertThat(di.hasProblems()).as(di.all().toString()).isFalse();
      assertThat(fingerprint(again)).as("permutation %d", i).isEqualTo(expected);
    }
  }

  /** Shuffles the peers, networks and ports of each admin rule, keeping the rules in order. */
  private static void shuffleWithinRules(JsonNode spec, Random random) {
    for (String direction : List.of("ingress", "egress")) {
      for (JsonNode rule : spec.path(direction)) {
        for (String list : List.of("from", "to", "ports")) {
          shuffleArrays(rule.path(list), random);
        }
      }
    }
  }

  private static void shuffleArrays(JsonNode node, Random random) {
    if (node instanceof ArrayNode a) {
      List<JsonNode> items = new ArrayList<>();
      a.forEach(items::add);
      Collections.shuffle(items, random);
      a.removeAll();
      items.forEach(a::add);
      items.forEach(n -> shuffleArrays(n, random));
    } else if (node instanceof ObjectNode o) {
      for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
        shuffleArrays(it.next(), random);
      }
    }
  }

  /** Connectivity in txt, then a battery of verdicts. */
  private static String fingerprint(List<KubeObject> objects) {
    Diagnostics d = new Diagnostics();
    CompiledNetwork net = Pipeline.compile(objects, d);
    assertThat(d.hasProblems()).as(d.all().toString()).isFalse();
    StringBuilder sb =
        new StringBuilder(
            ConnectivityWriter.render(ConnectivityAnalysis.run(net), OutputFormat.TXT));
    List<String> workloads =
        List.of(
            "shop/web",
            "shop/api",
            "other/client",
            "kube-system/coredns",
            "retail/frontend-app",
            "retail/inventory-api",
            "retail/payment-gateway");
    List<Optional<HttpRequest>> requests =
        List.of(
            Optional.empty(),
            Optional.of(new HttpRequest("GET", "/a/x", Optional.empty(), List.of())),
            Optional.of(new HttpRequest("POST", "/b", Optional.empty(), List.of())),
            Optional.of(new HttpRequest("GET", "/api/inventory/1", Optional.empty(), List.of())));
    for (String src : workloads) {
      Endpoint s = net.resolve(src).orElseThrow();
      List<Endpoint> dsts = new ArrayList<>();
      workloads.forEach(w -> dsts.add(net.resolve(w).orElseThrow()));
      dsts.add(new Endpoint.OfName("api.example.com"));
      dsts.add(new Endpoint.OfName("api.example.org"));
      dsts.add(net.resolve("10.3.1.1").orElseThrow());
      for (Endpoint dst : dsts) {
        for (int port : new int[] {80, 443, 8080, 9090}) {
          for (Optional<HttpRequest> r : requests) {
            Verdict v = net.explain(s, dst, Optional.of(Protocol.TCP), OptionalInt.of(port), r);
            sb.append('\n')
                .append(src)
                .append(' ')
                .append(dst.label())
                .append(' ')
                .append(port)
                .append(r.map(HttpRequest::toString).orElse(""))
                .append(' ')
                .append(v.allowed())
                .append(' ')
                .append(v.conns())
                .append(' ')
                .append(v.l7());
          }
        }
      }
    }
    return sb.toString();
  }
}
