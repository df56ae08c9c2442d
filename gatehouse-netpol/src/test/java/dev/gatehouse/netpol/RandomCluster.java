package dev.gatehouse.netpol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * A random cluster for property tests: namespaces, workloads and NetworkPolicies as plain specs,
 * rendered into Kubernetes manifests (YAML) for the real loader. {@link Optional#empty()} means the
 * field is absent; an empty list is written as {@code []}.
 */
record RandomCluster(List<Ns> namespaces, List<Wl> workloads, List<Pol> policies) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A namespace and its labels. */
  record Ns(String name, Map<String, String> labels) {}

  /** A container port; an empty name means unnamed. */
  record ContainerPort(String name, int port, String protocol) {}

  /** A workload of some kind with its pod labels and container ports. */
  record Wl(
      String kind,
      String namespace,
      String name,
      Map<String, String> labels,
      List<ContainerPort> ports) {}

  /** A {@code matchExpressions} entry. */
  record Expr(String key, String operator, List<String> values) {}

  /** A label selector. */
  record Sel(Map<String, String> matchLabels, List<Expr> expressions) {}

  /** A rule peer. */
  sealed interface PeerSpec {}

  /** Selector peer; at least one selector is present. */
  record SelPeer(Optional<Sel> namespaceSelector, Optional<Sel> podSelector) implements PeerSpec {}

  /** ipBlock peer. */
  record IpPeer(String cidr, List<String> except) implements PeerSpec {}

  /** A rule port: protocol, number or name, end port, each optional. */
  record PortSpec(Optional<String> protocol, Optional<Object> port, Optional<Integer> endPort) {}

  /** A rule: peers ({@code from} or {@code to}) and ports. */
  record RuleSpec(Optional<List<PeerSpec>> peers, Optional<List<PortSpec>> ports) {}

  /** A NetworkPolicy. */
  record Pol(
      String namespace,
      String name,
      Sel podSelector,
      Optional<List<String>> policyTypes,
      Optional<List<RuleSpec>> ingress,
      Optional<List<RuleSpec>> egress) {}

  /** The manifests as multi-document YAML (block style), one document per object. */
  String yaml() {
    List<Object> docs = new ArrayList<>();
    namespaces.forEach(n -> docs.add(plain(namespace(n))));
    workloads.forEach(w -> docs.add(plain(workload(w))));
    policies.forEach(p -> docs.add(plain(policy(p))));
    Dump dump = new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build());
    return dump.dumpAllToString(docs.iterator());
  }

  private static Object plain(ObjectNode node) {
    return MAPPER.convertValue(node, Map.class);
  }

  @Override
  public String toString() {
    return "\n" + yaml();
  }

  private static ObjectNode namespace(Ns n) {
    ObjectNode o = object("v1", "Namespace");
    ObjectNode meta = o.putObject("metadata").put("name", n.name());
    labels(meta, n.labels());
    return o;
  }

  private static ObjectNode workload(Wl w) {
    boolean pod = w.kind().equals("Pod");
    ObjectNode o = object(pod ? "v1" : "apps/v1", w.kind());
    o.putObject("metadata").put("name", w.name()).put("namespace", w.namespace());
    ObjectNode podMeta;
    ObjectNode podSpec;
    if (pod) {
      podMeta = (ObjectNode) o.get("metadata");
      podSpec = o.putObject("spec");
    } else {
      ObjectNode spec = o.putObject("spec");
      spec.putObject("selector").set("matchLabels", MAPPER.valueToTree(w.labels()));
      ObjectNode template = spec.putObject("template");
      podMeta = template.putObject("metadata");
      podSpec = template.putObject("spec");
    }
    labels(podMeta, w.labels());
    ObjectNode c = podSpec.putArray("containers").addObject().put("name", "main");
    c.put("image", "registry.example/" + w.name() + ":1");
    ArrayNode ports = c.putArray("ports");
    for (ContainerPort p : w.ports()) {
      ObjectNode po = ports.addObject();
      if (!p.name().isEmpty()) {
        po.put("name", p.name());
      }
      po.put("containerPort", p.port()).put("protocol", p.protocol());
    }
    return o;
  }

  private static ObjectNode policy(Pol p) {
    ObjectNode o = object("networking.k8s.io/v1", "NetworkPolicy");
    o.putObject("metadata").put("name", p.name()).put("namespace", p.namespace());
    ObjectNode spec = o.putObject("spec");
    spec.set("podSelector", selector(p.podSelector()));
    p.policyTypes().ifPresent(t -> spec.set("policyTypes", MAPPER.valueToTree(t)));
    p.ingress().ifPresent(rs -> spec.set("ingress", rules(rs, "from")));
    p.egress().ifPresent(rs -> spec.set("egress", rules(rs, "to")));
    return o;
  }

  private static ArrayNode rules(List<RuleSpec> rules, String peerField) {
    ArrayNode out = MAPPER.createArrayNode();
    for (RuleSpec r : rules) {
      ObjectNode ro = out.addObject();
      r.peers()
          .ifPresent(
              peers -> {
                ArrayNode a = ro.putArray(peerField);
                peers.forEach(peer -> a.add(peer(peer)));
              });
      r.ports()
          .ifPresent(
              ports -> {
                ArrayNode a = ro.putArray("ports");
                ports.forEach(port -> a.add(port(port)));
              });
    }
    return out;
  }

  private static ObjectNode peer(PeerSpec p) {
    ObjectNode o = MAPPER.createObjectNode();
    switch (p) {
      case SelPeer s -> {
        s.namespaceSelector().ifPresent(sel -> o.set("namespaceSelector", selector(sel)));
        s.podSelector().ifPresent(sel -> o.set("podSelector", selector(sel)));
      }
      case IpPeer ip -> {
        ObjectNode b = o.putObject("ipBlock").put("cidr", ip.cidr());
        if (!ip.except().isEmpty()) {
          b.set("except", MAPPER.valueToTree(ip.except()));
        }
      }
    }
    return o;
  }

  private static ObjectNode port(PortSpec p) {
    ObjectNode o = MAPPER.createObjectNode();
    p.protocol().ifPresent(proto -> o.put("protocol", proto));
    p.port()
        .ifPresent(
            port -> {
              if (port instanceof Integer n) {
                o.put("port", n);
              } else {
                o.put("port", port.toString());
              }
            });
    p.endPort().ifPresent(e -> o.put("endPort", e));
    return o;
  }

  private static ObjectNode selector(Sel s) {
    ObjectNode o = MAPPER.createObjectNode();
    if (!s.matchLabels().isEmpty()) {
      o.set("matchLabels", MAPPER.valueToTree(s.matchLabels()));
    }
    if (!s.expressions().isEmpty()) {
      ArrayNode a = o.putArray("matchExpressions");
      for (Expr e : s.expressions()) {
        ObjectNode eo = a.addObject().put("key", e.key()).put("operator", e.operator());
        if (!e.values().isEmpty()) {
          eo.set("values", MAPPER.valueToTree(e.values()));
        }
      }
    }
    return o;
  }

  private static void labels(ObjectNode meta, Map<String, String> labels) {
    if (!labels.isEmpty()) {
      meta.set("labels", MAPPER.valueToTree(labels));
    }
  }

  private static ObjectNode object(String apiVersion, String kind) {
    return MAPPER.createObjectNode().put("apiVersion", apiVersion).put("kind", kind);
  }
}
