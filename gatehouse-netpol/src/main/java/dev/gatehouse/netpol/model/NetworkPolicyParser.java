package dev.gatehouse.netpol.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.LabelSelector;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.algebra.IpSet;
import dev.gatehouse.netpol.algebra.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Parses and validates NetworkPolicy objects.
 *
 * <p>Validation follows the API server's rules ({@code pkg/apis/networking/validation}): a peer
 * sets at least one field; {@code ipBlock} excludes the selectors; {@code except} lies inside
 * {@code cidr}; {@code endPort} needs a numeric {@code port} not above it. An invalid policy is
 * reported with the line of the offending field and skipped as a whole, because using part of it
 * could allow more or less than its author meant.
 */
public final class NetworkPolicyParser {
  private NetworkPolicyParser() {}

  /** Parses one NetworkPolicy; empty when invalid (the reasons go to {@code diagnostics}). */
  public static Optional<NetworkPolicy> parse(KubeObject o, Diagnostics diagnostics) {
    Problems problems = new Problems(o, diagnostics);
    if (o.name().isEmpty()) {
      problems.error("", "NetworkPolicy without metadata.name");
    }
    JsonNode spec = o.body().path("spec");
    if (!spec.isObject()) {
      problems.error("/spec", "NetworkPolicy without spec");
      return Optional.empty();
    }
    Optional<LabelSelector> podSelector =
        LabelSelector.parse(spec.path("podSelector"), o, "/spec/podSelector", diagnostics);
    List<NetworkPolicy.Rule> ingress =
        rules(o, spec.path("ingress"), "/spec/ingress", "from", problems);
    List<NetworkPolicy.Rule> egress = rules(o, spec.path("egress"), "/spec/egress", "to", problems);
    boolean isolatesIngress = true;
    boolean isolatesEgress = spec.path("egress").isArray() && !spec.path("egress").isEmpty();
    JsonNode types = spec.path("policyTypes");
    if (types.isArray() && !types.isEmpty()) {
      isolatesIngress = false;
      isolatesEgress = false;
      for (int i = 0; i < types.size(); i++) {
        switch (types.get(i).asText()) {
          case "Ingress" -> isolatesIngress = true;
          case "Egress" -> isolatesEgress = true;
          default ->
              problems.error(
                  "/spec/policyTypes/" + i,
                  "policyTypes entry \"" + types.get(i).asText() + "\" is not Ingress or Egress");
        }
      }
    }
    if (problems.failed() || podSelector.isEmpty()) {
      diagnostics.error(
          "invalid-policy",
          o.location(),
          "NetworkPolicy " + o.namespaceOrDefault() + "/" + o.name() + " is invalid; skipped");
      return Optional.empty();
    }
    return Optional.of(
        new NetworkPolicy(
            o.namespaceOrDefault(),
            o.name(),
            podSelector.get(),
            isolatesIngress,
            isolatesEgress,
            ingress,
            egress,
            o));
  }

  private static List<NetworkPolicy.Rule> rules(
      KubeObject o, JsonNode list, String pointer, String peerField, Problems problems) {
    List<NetworkPolicy.Rule> out = new ArrayList<>();
    if (list.isMissingNode() || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      problems.error(pointer, pointer.substring(6) + " must be a list of rules");
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      String at = pointer + "/" + i;
      JsonNode rule = list.get(i);
      List<NetworkPolicy.Peer> peers = new ArrayList<>();
      JsonNode ps = rule.path(peerField);
      for (int j = 0; j < ps.size(); j++) {
        peer(o, ps.get(j), at + "/" + peerField + "/" + j, problems).ifPresent(peers::add);
      }
      List<NetworkPolicy.Port> ports = new ArrayList<>();
      JsonNode pts = rule.path("ports");
      for (int j = 0; j < pts.size(); j++) {
        port(pts.get(j), at + "/ports/" + j, problems).ifPresent(ports::add);
      }
      out.add(new NetworkPolicy.Rule(i, List.copyOf(peers), List.copyOf(ports), at));
    }
    return List.copyOf(out);
  }

  private static Optional<NetworkPolicy.Peer> peer(
      KubeObject o, JsonNode peer, String at, Problems problems) {
    boolean hasNs = peer.has("namespaceSelector") && !peer.get("namespaceSelector").isNull();
    boolean hasPod = peer.has("podSelector") && !peer.get("podSelector").isNull();
    boolean hasIp = peer.has("ipBlock") && !peer.get("ipBlock").isNull();
    if (!hasNs && !hasPod && !hasIp) {
      problems.error(
          at,
          "a peer must set podSelector, namespaceSelector or ipBlock (an empty peer {} is invalid)");
      return Optional.empty();
    }
    if (hasIp && (hasNs || hasPod)) {
      problems.error(
          at, "ipBlock cannot be combined with podSelector or namespaceSelector in one peer");
      return Optional.empty();
    }
    if (hasIp) {
      return ipBlock(peer.get("ipBlock"), at + "/ipBlock", problems);
    }
    Optional<LabelSelector> ns = Optional.empty();
    Optional<LabelSelector> pod = Optional.empty();
    if (hasNs) {
      ns =
          LabelSelector.parse(
              peer.get("namespaceSelector"), o, at + "/namespaceSelector", problems.diagnostics);
      if (ns.isEmpty()) {
        problems.fail();
        return Optional.empty();
      }
    }
    if (hasPod) {
      pod =
          LabelSelector.parse(
              peer.get("podSelector"), o, at + "/podSelector", problems.diagnostics);
      if (pod.isEmpty()) {
        problems.fail();
        return Optional.empty();
      }
    }
    return Optional.of(new NetworkPolicy.SelectorPeer(ns, pod));
  }

  private static Optional<NetworkPolicy.Peer> ipBlock(
      JsonNode block, String at, Problems problems) {
    String cidr = block.path("cidr").asText("");
    Optional<IpRange> range = IpRange.parseCidr(cidr);
    if (range.isEmpty()) {
      problems.error(at + "/cidr", "ipBlock cidr \"" + cidr + "\" is not a valid CIDR");
      return Optional.empty();
    }
    List<String> excepts = new ArrayList<>();
    List<IpRange> cut = new ArrayList<>();
    JsonNode ex = block.path("except");
    for (int i = 0; i < ex.size(); i++) {
      String e = ex.get(i).asText("");
      Optional<IpRange> r = IpRange.parseCidr(e);
      if (r.isEmpty()) {
        problems.error(at + "/except/" + i, "ipBlock except \"" + e + "\" is not a valid CIDR");
        return Optional.empty();
      }
      if (!range.get().contains(r.get()) || r.get().equals(range.get())) {
        problems.error(
            at + "/except/" + i, "ipBlock except " + e + " is not strictly inside cidr " + cidr);
        return Optional.empty();
      }
      excepts.add(e);
      cut.add(r.get());
    }
    IpSet set = IpSet.of(range.get()).subtract(IpSet.of(cut));
    return Optional.of(new NetworkPolicy.IpBlockPeer(cidr, List.copyOf(excepts), set));
  }

  private static Optional<NetworkPolicy.Port> port(JsonNode p, String at, Problems problems) {
    String protoText = p.path("protocol").asText("TCP");
    Optional<Protocol> proto = Protocol.parse(protoText);
    if (proto.isEmpty() || !protoText.equals(protoText.toUpperCase(java.util.Locale.ROOT))) {
      problems.error(at + "/protocol", "protocol \"" + protoText + "\" is not TCP, UDP or SCTP");
      return Optional.empty();
    }
    JsonNode port = p.path("port");
    JsonNode end = p.path("endPort");
    OptionalInt endPort = OptionalInt.empty();
    if (!end.isMissingNode() && !end.isNull()) {
      if (!end.isIntegralNumber()) {
        problems.error(at + "/endPort", "endPort must be a number");
        return Optional.empty();
      }
      endPort = OptionalInt.of(end.asInt());
    }
    if (port.isMissingNode() || port.isNull()) {
      if (endPort.isPresent()) {
        problems.error(at + "/endPort", "endPort requires a numeric port");
        return Optional.empty();
      }
      return Optional.of(
          new NetworkPolicy.Port(proto.get(), OptionalInt.empty(), Optional.empty(), endPort));
    }
    if (port.isIntegralNumber() || (port.isTextual() && port.asText().matches("\\d+"))) {
      int n = port.asInt();
      if (n < 1 || n > 65535) {
        problems.error(at + "/port", "port " + port.asText() + " is outside 1-65535");
        return Optional.empty();
      }
      if (endPort.isPresent() && (endPort.getAsInt() < n || endPort.getAsInt() > 65535)) {
        problems.error(
            at + "/endPort",
            "endPort " + endPort.getAsInt() + " must be between port " + n + " and 65535");
        return Optional.empty();
      }
      return Optional.of(
          new NetworkPolicy.Port(proto.get(), OptionalInt.of(n), Optional.empty(), endPort));
    }
    String name = port.asText("");
    if (endPort.isPresent()) {
      problems.error(
          at + "/endPort", "endPort cannot be used with the named port \"" + name + "\"");
      return Optional.empty();
    }
    if (!name.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?")
        || name.length() > 15
        || !name.matches(".*[a-z].*")) {
      problems.error(
          at + "/port",
          "port \"" + name + "\" is neither a number nor a valid port name (IANA_SVC_NAME)");
      return Optional.empty();
    }
    return Optional.of(
        new NetworkPolicy.Port(proto.get(), OptionalInt.empty(), Optional.of(name), endPort));
  }

  /** Collects errors of one policy, located at fields. */
  static final class Problems {
    private final KubeObject object;
    final Diagnostics diagnostics;
    private boolean failed;

    Problems(KubeObject object, Diagnostics diagnostics) {
      this.object = object;
      this.diagnostics = diagnostics;
    }

    void error(String pointer, String message) {
      diagnostics.error(
          "invalid-field",
          object.locate(pointer),
          object.kind() + " " + object.namespaceOrDefault() + "/" + object.name() + ": " + message);
      failed = true;
    }

    void fail() {
      failed = true;
    }

    boolean failed() {
      return failed;
    }
  }
}
