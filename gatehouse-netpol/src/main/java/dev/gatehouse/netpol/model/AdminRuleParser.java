package dev.gatehouse.netpol.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.algebra.IpSet;
import dev.gatehouse.netpol.ir.Action;
import dev.gatehouse.netpol.ir.Direction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the rules of an AdminNetworkPolicy or BaselineAdminNetworkPolicy: action, peers and ports.
 *
 * <p>Design note ({@code network-policy-api:apis/v1alpha1/shared_types.go}): ingress peers set
 * exactly one of {@code namespaces}/{@code pods}; egress peers also {@code nodes} or {@code
 * networks} (1-25 CIDRs); a port sets exactly one of {@code portNumber} (protocol defaults to TCP),
 * {@code portRange} (inclusive) and {@code namedPort}; a rule has 1-100 peers and at most 100
 * ports. Violations are errors (the object is skipped). Gatehouse does not model nodes, so a {@code
 * nodes} peer is ignored with a warning, and a rule left without peers is dropped (it matches
 * nothing). {@code ports: []} matches no connection (netpol-analyzer reads it so), so such a rule
 * is dropped with a warning too.
 */
final class AdminRuleParser {
  private static final int MAX_ITEMS = 100;
  private static final int MAX_NETWORKS = 25;

  private final ObjectProblems problems;
  private final boolean baseline;

  AdminRuleParser(ObjectProblems problems, boolean baseline) {
    this.problems = problems;
    this.baseline = baseline;
  }

  List<AdminNetworkPolicy.Rule> rules(JsonNode list, Direction d) {
    String pointer = d == Direction.INGRESS ? "/spec/ingress" : "/spec/egress";
    List<AdminNetworkPolicy.Rule> out = new ArrayList<>();
    if (list.isMissingNode() || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      problems.error(pointer, pointer.substring(6) + " must be a list of rules");
      return out;
    }
    if (list.size() > MAX_ITEMS) {
      problems.error(pointer, "at most " + MAX_ITEMS + " " + pointer.substring(6) + " rules");
    }
    for (int i = 0; i < list.size(); i++) {
      rule(list.get(i), i, pointer + "/" + i, d).ifPresent(out::add);
    }
    return out;
  }

  private Optional<AdminNetworkPolicy.Rule> rule(JsonNode rule, int index, String at, Direction d) {
    if (!rule.isObject()) {
      problems.error(at, "a rule must be an object");
      return Optional.empty();
    }
    String name = rule.path("name").asText("");
    if (name.length() > MAX_ITEMS) {
      problems.error(at + "/name", "rule name is longer than " + MAX_ITEMS + " characters");
    }
    Optional<Action> action = action(rule.path("action"), at);
    String peerField = d == Direction.INGRESS ? "from" : "to";
    List<AdminNetworkPolicy.Peer> peers = peers(rule.path(peerField), at, peerField, d);
    Optional<List<AdminNetworkPolicy.Port>> ports = ports(rule.path("ports"), at + "/ports");
    if (action.isEmpty() || ports.isEmpty() || problems.failed()) {
      return Optional.empty();
    }
    if (ports.get().stream().anyMatch(p -> p instanceof AdminNetworkPolicy.NamedPort)
        && peers.stream().anyMatch(p -> p instanceof AdminNetworkPolicy.NetworkPeer)) {
      problems.warning(
          at + "/ports",
          "a namedPort cannot apply to networks peers (the API forbids the combination); for"
              + " those peers the named ports match nothing");
    }
    if (peers.isEmpty()) {
      problems.warning(at, "the rule has no peer Gatehouse can evaluate; it has no effect");
      return Optional.empty();
    }
    if (rule.path("ports").isArray() && ports.get().isEmpty()) {
      problems.warning(at + "/ports", "ports: [] matches no connection; the rule has no effect");
      return Optional.empty();
    }
    return Optional.of(
        new AdminNetworkPolicy.Rule(index, name, action.get(), peers, ports.get(), at));
  }

  private Optional<Action> action(JsonNode node, String at) {
    String a = node.asText("");
    Optional<Action> action =
        switch (a) {
          case "Allow" -> Optional.of(Action.ALLOW);
          case "Deny" -> Optional.of(Action.DENY);
          case "Pass" -> baseline ? Optional.empty() : Optional.of(Action.PASS);
          default -> Optional.empty();
        };
    if (action.isPresent()) {
      return action;
    }
    if (node.isMissingNode()) {
      problems.error(at, "a rule needs an action");
    } else if (a.equals("Pass")) {
      problems.error(at + "/action", "action Pass is not allowed in a BaselineAdminNetworkPolicy");
    } else {
      String valid = baseline ? "Allow or Deny" : "Allow, Deny or Pass";
      problems.error(at + "/action", "action \"" + a + "\" is not " + valid);
    }
    return action;
  }

  private List<AdminNetworkPolicy.Peer> peers(JsonNode list, String at, String field, Direction d) {
    List<AdminNetworkPolicy.Peer> out = new ArrayList<>();
    if (!list.isArray() || list.isEmpty()) {
      problems.error(
          list.isMissingNode() ? at : at + "/" + field,
          "a rule needs at least one peer in " + field);
      return out;
    }
    if (list.size() > MAX_ITEMS) {
      problems.error(at + "/" + field, "at most " + MAX_ITEMS + " peers in " + field);
    }
    for (int i = 0; i < list.size(); i++) {
      peer(list.get(i), at + "/" + field + "/" + i, d).ifPresent(out::add);
    }
    return out;
  }

  private Optional<AdminNetworkPolicy.Peer> peer(JsonNode peer, String at, Direction d) {
    Set<String> allowed =
        d == Direction.INGRESS
            ? Set.of("namespaces", "pods")
            : Set.of("namespaces", "pods", "nodes", "networks");
    List<String> fields = new ArrayList<>();
    for (Iterator<String> it = peer.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        problems.error(
            at + "/" + f, "unknown peer field " + f + " (allowed: " + sorted(allowed) + ")");
        return Optional.empty();
      }
      if (!peer.get(f).isNull()) {
        fields.add(f);
      }
    }
    if (fields.size() != 1) {
      problems.error(at, "a peer must set exactly one of " + sorted(allowed));
      return Optional.empty();
    }
    String f = fields.getFirst();
    JsonNode value = peer.get(f);
    return switch (f) {
      case "namespaces" ->
          AdminPolicyParser.selector(value, at + "/namespaces", problems)
              .map(ns -> new AdminNetworkPolicy.PodPeer(ns, dev.gatehouse.kube.LabelSelector.ALL));
      case "pods" ->
          AdminPolicyParser.namespacedPod(value, at + "/pods", problems)
              .map(s -> new AdminNetworkPolicy.PodPeer(s.namespaceSelector(), s.podSelector()));
      case "networks" -> networks(value, at + "/networks");
      default -> {
        AdminPolicyParser.selector(value, at + "/nodes", problems);
        problems.warning(
            at + "/nodes", "nodes peers are not supported (nodes are not modelled); peer ignored");
        yield Optional.empty();
      }
    };
  }

  private Optional<AdminNetworkPolicy.Peer> networks(JsonNode list, String at) {
    if (!list.isArray() || list.isEmpty() || list.size() > MAX_NETWORKS) {
      problems.error(at, "networks must list 1 to " + MAX_NETWORKS + " CIDRs");
      return Optional.empty();
    }
    List<String> cidrs = new ArrayList<>();
    List<IpRange> ranges = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String cidr = list.get(i).asText("");
      Optional<IpRange> r = IpRange.parseCidr(cidr);
      if (r.isEmpty()) {
        problems.error(at + "/" + i, "\"" + cidr + "\" is not a valid CIDR");
        return Optional.empty();
      }
      cidrs.add(cidr);
      ranges.add(r.get());
    }
    return Optional.of(new AdminNetworkPolicy.NetworkPeer(cidrs, IpSet.of(ranges)));
  }

  /** The rule's ports (empty: every port), or empty when invalid. */
  private Optional<List<AdminNetworkPolicy.Port>> ports(JsonNode list, String at) {
    if (list.isMissingNode() || list.isNull()) {
      return Optional.of(List.of());
    }
    if (!list.isArray() || list.size() > MAX_ITEMS) {
      problems.error(at, "ports must be a list of at most " + MAX_ITEMS + " entries");
      return Optional.empty();
    }
    List<AdminNetworkPolicy.Port> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Optional<AdminNetworkPolicy.Port> p =
          AdminPortParser.port(list.get(i), at + "/" + i, problems);
      if (p.isEmpty()) {
        return Optional.empty();
      }
      out.add(p.get());
    }
    return Optional.of(out);
  }

  private static String sorted(Set<String> s) {
    return String.join(", ", new java.util.TreeSet<>(s));
  }
}
