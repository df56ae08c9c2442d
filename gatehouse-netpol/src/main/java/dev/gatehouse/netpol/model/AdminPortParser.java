package dev.gatehouse.netpol.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.netpol.algebra.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Parses one {@code AdminNetworkPolicyPort}: exactly one of {@code portNumber {protocol, port}},
 * {@code portRange {protocol, start, end}} and {@code namedPort}. Protocols are {@code TCP}
 * (default), {@code UDP} or {@code SCTP}, spelled as the API enum spells them; ports are 1-65535; a
 * range with {@code end < start} is rejected (a one-port range is accepted, as netpol-analyzer
 * accepts it).
 */
final class AdminPortParser {
  private static final List<String> KINDS = List.of("portNumber", "portRange", "namedPort");

  private AdminPortParser() {}

  static Optional<AdminNetworkPolicy.Port> port(JsonNode p, String at, ObjectProblems problems) {
    List<String> set = new ArrayList<>();
    for (String k : KINDS) {
      if (AdminPolicyParser.set(p, k)) {
        set.add(k);
      }
    }
    if (set.size() != 1) {
      problems.error(at, "a port must set exactly one of portNumber, portRange and namedPort");
      return Optional.empty();
    }
    String kind = set.getFirst();
    JsonNode v = p.get(kind);
    String in = at + "/" + kind;
    return switch (kind) {
      case "portNumber" -> {
        Optional<Protocol> proto = protocol(v, in, problems);
        OptionalInt port = number(v, "port", in, problems);
        yield proto.isEmpty() || port.isEmpty()
            ? Optional.empty()
            : Optional.of(new AdminNetworkPolicy.PortNumber(proto.get(), port.getAsInt()));
      }
      case "portRange" -> range(v, in, problems);
      default -> {
        String name = v.isTextual() ? v.asText() : "";
        if (name.isEmpty()) {
          problems.error(in, "namedPort must be a non-empty port name");
          yield Optional.empty();
        }
        yield Optional.of(new AdminNetworkPolicy.NamedPort(name));
      }
    };
  }

  private static Optional<AdminNetworkPolicy.Port> range(
      JsonNode v, String at, ObjectProblems problems) {
    Optional<Protocol> proto = protocol(v, at, problems);
    OptionalInt start = number(v, "start", at, problems);
    OptionalInt end = number(v, "end", at, problems);
    if (proto.isEmpty() || start.isEmpty() || end.isEmpty()) {
      return Optional.empty();
    }
    if (end.getAsInt() < start.getAsInt()) {
      problems.error(
          at + "/end",
          "portRange end " + end.getAsInt() + " is below its start " + start.getAsInt());
      return Optional.empty();
    }
    return Optional.of(
        new AdminNetworkPolicy.PortRange(proto.get(), start.getAsInt(), end.getAsInt()));
  }

  private static Optional<Protocol> protocol(JsonNode v, String at, ObjectProblems problems) {
    JsonNode p = v.path("protocol");
    if (p.isMissingNode() || p.isNull()) {
      return Optional.of(Protocol.TCP);
    }
    String text = p.asText("");
    Optional<Protocol> proto = Protocol.parse(text);
    if (proto.isEmpty() || !proto.get().name().equals(text)) {
      problems.error(at + "/protocol", "protocol \"" + text + "\" is not TCP, UDP or SCTP");
      return Optional.empty();
    }
    return proto;
  }

  private static OptionalInt number(JsonNode v, String field, String at, ObjectProblems problems) {
    JsonNode n = v.path(field);
    if (n.isMissingNode() || n.isNull()) {
      problems.error(at, field + " is required");
      return OptionalInt.empty();
    }
    if (!n.isIntegralNumber() || n.asLong() < 1 || n.asLong() > 65535) {
      problems.error(at + "/" + field, field + " " + n + " is not a port number (1-65535)");
      return OptionalInt.empty();
    }
    return OptionalInt.of(n.asInt());
  }
}
