package dev.gatehouse.cli.netpol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.netpol.engine.DirectionVerdict;
import dev.gatehouse.netpol.engine.Reason;
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
    ArrayNode reasons = n.putArray("reasons");
    for (Reason r : d.reasons()) {
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
    return n;
  }
}
