package dev.gatehouse.netpol.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.l7.FqdnPattern;
import dev.gatehouse.netpol.l7.HttpRule;
import dev.gatehouse.netpol.l7.L7Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Parses and validates Cilium {@code toPorts} entries and their L7 {@code rules}.
 *
 * <p>Design note ({@code cilium/cilium:pkg/policy/api/rule_validation.go} {@code
 * PortRule.sanitize}, {@code PortProtocol.sanitize}, {@code L7Rules.sanitize}; {@code
 * pkg/policy/api/l4.go}): {@code port} is a number ({@code "0"} meaning every port) or an IANA
 * service name (a container port name, lower-cased); {@code protocol} defaults to {@code ANY} (TCP,
 * UDP and SCTP); {@code endPort} makes a range when above {@code port}. L7 rules are one kind per
 * entry; they cannot be used with port 0; HTTP (and Kafka) rules need TCP; DNS rules need explicit
 * ports, no ranges, and are egress-only. Deny rules carry no L7 rules.
 */
final class CiliumPorts {
  private static final String SVC_NAME = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";

  private CiliumPorts() {}

  /** The {@code toPorts} list at {@code at}; problems are reported, bad entries dropped. */
  static List<CiliumPolicy.PortRule> parse(
      JsonNode list, String at, boolean ingress, boolean deny, ObjectProblems problems) {
    List<CiliumPolicy.PortRule> out = new ArrayList<>();
    if (list.isMissingNode() || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      problems.error(at, "toPorts must be a list");
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      portRule(list.get(i), at + "/" + i, ingress, deny, problems).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<CiliumPolicy.PortRule> portRule(
      JsonNode entry, String at, boolean ingress, boolean deny, ObjectProblems problems) {
    List<CiliumPolicy.PortProtocol> ports = new ArrayList<>();
    JsonNode ps = entry.path("ports");
    if (ps.isEmpty()) {
      problems.warning(at, "a toPorts entry without ports matches nothing");
    }
    for (int j = 0; j < ps.size(); j++) {
      port(ps.get(j), at + "/ports/" + j, problems).ifPresent(ports::add);
    }
    for (String f : List.of("serverNames", "terminatingTLS", "originatingTLS", "listener")) {
      if (entry.has(f)) {
        problems.warning(at + "/" + f, f + " is not analysed; ignored");
      }
    }
    JsonNode rules = entry.path("rules");
    if (rules.isMissingNode() || rules.isNull()) {
      return Optional.of(new CiliumPolicy.PortRule(ports, L7Rules.NONE));
    }
    if (deny) {
      problems.error(at + "/rules", "deny rules cannot carry L7 rules");
      return Optional.empty();
    }
    L7Rules l7 = l7(rules, at + "/rules", ports, ps.size(), ingress, problems);
    return Optional.of(new CiliumPolicy.PortRule(ports, l7));
  }

  private static L7Rules l7(
      JsonNode rules,
      String at,
      List<CiliumPolicy.PortProtocol> ports,
      int declaredPorts,
      boolean ingress,
      ObjectProblems problems) {
    List<String> kinds = new ArrayList<>();
    for (String k : List.of("http", "kafka", "dns", "l7proto")) {
      if (rules.has(k) && !rules.get(k).isNull()) {
        kinds.add(k);
      }
    }
    if (kinds.size() > 1) {
      problems.error(at, "multiple L7 protocol rule types specified in single rule: " + kinds);
      return L7Rules.NONE;
    }
    if (kinds.isEmpty()) {
      return L7Rules.NONE;
    }
    String kind = kinds.getFirst();
    boolean dns = kind.equals("dns");
    checkPortsForL7(at, ports, declaredPorts, dns, ingress, problems);
    return switch (kind) {
      case "http" -> http(rules.get("http"), at + "/http", problems);
      case "dns" -> dns(rules.get("dns"), at + "/dns", problems);
      default -> {
        problems.warning(
            at + "/" + kind,
            kind + " rules are not analysed; the ports are treated as allowing every request");
        yield L7Rules.NONE;
      }
    };
  }

  private static void checkPortsForL7(
      String at,
      List<CiliumPolicy.PortProtocol> ports,
      int declaredPorts,
      boolean dns,
      boolean ingress,
      ObjectProblems problems) {
    if (dns && ingress) {
      problems.error(at, "DNS rules are not allowed on ingress");
    }
    if (dns && declaredPorts == 0) {
      problems.error(at, "Port 53 must be specified for DNS rules");
    }
    for (CiliumPolicy.PortProtocol p : ports) {
      if (p.port().isEmpty() && p.name().isEmpty()) {
        problems.error(at, "L7 rules can not be used when a port is 0");
      }
      if (dns && p.port().isPresent() && p.endPort() > p.port().getAsInt()) {
        problems.error(at, "DNS rules do not support port ranges");
      }
      if (!dns && !p.protocols().equals(List.of(Protocol.TCP))) {
        problems.error(
            at, "L7 rules can only apply to TCP (not " + p.protocols() + ") except for DNS rules");
      }
    }
  }

  private static L7Rules http(JsonNode list, String at, ObjectProblems problems) {
    List<HttpRule> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      CiliumHttpRules.parse(list.get(i), at + "/" + i, problems).ifPresent(out::add);
    }
    return L7Rules.ofHttp(out.isEmpty() && list.isEmpty() ? List.of(HttpRule.ANY) : out);
  }

  private static L7Rules dns(JsonNode list, String at, ObjectProblems problems) {
    List<FqdnPattern> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      fqdn(list.get(i), at + "/" + i, problems).ifPresent(out::add);
    }
    return L7Rules.ofDns(
        out.isEmpty() && list.isEmpty() ? List.of(FqdnPattern.ofPattern("*")) : out);
  }

  /** One {@code matchName}/{@code matchPattern} selector ({@code toFQDNs} or {@code rules.dns}). */
  static Optional<FqdnPattern> fqdn(JsonNode sel, String at, ObjectProblems problems) {
    boolean hasName = sel.hasNonNull("matchName");
    boolean hasPattern = sel.hasNonNull("matchPattern");
    if (hasName == hasPattern) {
      problems.error(at, "set exactly one of matchName and matchPattern");
      return Optional.empty();
    }
    String field = hasName ? "matchName" : "matchPattern";
    String text = sel.get(field).asText("");
    Optional<String> problem =
        hasName ? FqdnPattern.nameProblem(text) : FqdnPattern.patternProblem(text);
    if (problem.isPresent()) {
      problems.error(at + "/" + field, problem.get());
      return Optional.empty();
    }
    return Optional.of(hasName ? FqdnPattern.ofName(text) : FqdnPattern.ofPattern(text));
  }

  private static Optional<CiliumPolicy.PortProtocol> port(
      JsonNode p, String at, ObjectProblems problems) {
    Optional<List<Protocol>> protocols = protocols(p.path("protocol"), at + "/protocol", problems);
    if (protocols.isEmpty()) {
      return Optional.empty();
    }
    String text = p.path("port").isValueNode() ? p.path("port").asText("").trim() : "";
    if (text.isEmpty()) {
      problems.error(at + "/port", "Port must be specified");
      return Optional.empty();
    }
    int end = p.path("endPort").asInt(0);
    if (text.matches("\\d+")) {
      int n = text.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(text);
      if (n > 65535) {
        problems.error(at + "/port", "port " + text + " is outside 0-65535");
        return Optional.empty();
      }
      if (n == 0) {
        return Optional.of(
            new CiliumPolicy.PortProtocol(
                protocols.get(), OptionalInt.empty(), 0, Optional.empty()));
      }
      if (p.has("endPort") && end < n) {
        problems.warning(at + "/endPort", "endPort " + end + " is below port " + n + "; ignored");
      }
      if (end > 65535) {
        problems.error(at + "/endPort", "endPort " + end + " is outside 0-65535");
        return Optional.empty();
      }
      return Optional.of(
          new CiliumPolicy.PortProtocol(
              protocols.get(), OptionalInt.of(n), Math.max(n, end), Optional.empty()));
    }
    String name = text.toLowerCase(Locale.ROOT);
    if (!name.matches(SVC_NAME) || name.length() > 15 || !name.matches(".*[a-z].*")) {
      problems.error(
          at + "/port", "port \"" + text + "\" is neither a number nor a valid port name");
      return Optional.empty();
    }
    if (p.has("endPort")) {
      problems.warning(at + "/endPort", "endPort is ignored for the named port " + name);
    }
    return Optional.of(
        new CiliumPolicy.PortProtocol(protocols.get(), OptionalInt.empty(), 0, Optional.of(name)));
  }

  /** TCP/UDP/SCTP, or all three for ANY (the default); an empty list for unmodelled protocols. */
  private static Optional<List<Protocol>> protocols(
      JsonNode node, String at, ObjectProblems problems) {
    String text = node.asText("").toUpperCase(Locale.ROOT);
    switch (text) {
      case "", "ANY" -> {
        return Optional.of(List.of(Protocol.SCTP, Protocol.TCP, Protocol.UDP));
      }
      case "TCP", "UDP", "SCTP" -> {
        return Optional.of(List.of(Protocol.valueOf(text)));
      }
      case "ICMP", "ICMPV6", "VRRP", "IGMP" -> {
        problems.warning(
            at, "protocol " + text + " is not analysed; this port matches nothing here");
        return Optional.of(List.of());
      }
      default -> {
        problems.error(at, "protocol \"" + node.asText("") + "\" is not TCP, UDP, SCTP or ANY");
        return Optional.empty();
      }
    }
  }
}
