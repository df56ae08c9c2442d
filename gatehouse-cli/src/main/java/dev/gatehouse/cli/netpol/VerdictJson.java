package dev.gatehouse.cli.netpol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.netpol.engine.DirectionVerdict;
import dev.gatehouse.netpol.engine.L7Constraint;
import dev.gatehouse.netpol.engine.Reason;
import dev.gatehouse.netpol.engine.RequestCheck;
import dev.gatehouse.netpol.engine.Verdict;

/** Renders a {@link Verdict} as JSON with stable keys. */
final class VerdictJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private VerdictJson() {}

  static String render(Verdict v) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("src", v.src().label());
    root.put("dst", v.dst().label());
    v.protocol().ifPresent(p -> root.put("protocol", p.name()));
    v.port().ifPresent(p -> root.put("port", p));
    root.put("allowed", v.allowed());
    root.put("conn", v.conns().toString());
    root.set("egress", side(v.egress()));
    root.set("ingress", side(v.ingress()));
    if (!v.l7().isEmpty()) {
      ArrayNode l7 = root.putArray("l7");
      for (L7Constraint c : v.l7()) {
        ObjectNode o = l7.addObject();
        o.put("conn", c.conns().toString());
        o.put("egress", c.egress().toString());
        o.put("ingress", c.ingress().toString());
      }
    }
    if (!v.checks().isEmpty()) {
      ArrayNode checks = root.putArray("checks");
      for (RequestCheck c : v.checks()) {
        ObjectNode o = checks.addObject();
        o.put("what", c.what());
        o.put("allowed", c.allowed());
        o.set("reasons", reasons(c.reasons()));
      }
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode side(DirectionVerdict d) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("allowed", d.allowed());
    n.put("conn", d.conns().toString());
    n.set("reasons", reasons(d.reasons()));
    return n;
  }

  private static ArrayNode reasons(java.util.List<Reason> list) {
    ArrayNode reasons = MAPPER.createArrayNode();
    for (Reason r : list) {
      ObjectNode o = reasons.addObject();
      o.put("effect", r.effect().name().toLowerCase(java.util.Locale.ROOT));
      r.origin()
          .ifPresent(
              origin -> {
                o.put("kind", origin.kind());
                o.put("policy", origin.policy());
                o.put("rule", origin.rule());
                o.put("file", origin.location().file());
                o.put("line", origin.location().line());
              });
      o.put("text", r.text());
    }
    return reasons;
  }
}
