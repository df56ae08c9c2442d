package dev.gatehouse.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads a {@code K8sNativeValidation} source (Gatekeeper's {@code k8scel/schema}): {@code
 * variables}, {@code validations}, {@code matchConditions} (also spelled {@code matchCondition})
 * and {@code failurePolicy}. Expressions are compiled later, by the CEL driver.
 */
final class CelSourceReader {
  private static final Pattern IDENTIFIER = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");
  private static final Set<String> RESERVED = Set.of("anyObject", "params");

  private CelSourceReader() {}

  /** Reads the source at {@code at}; {@code error} receives (pointer, message) problems. */
  static Optional<CelSource> read(JsonNode source, String at, BiConsumer<String, String> error) {
    List<String> problems = new ArrayList<>();
    BiConsumer<String, String> sink =
        (p, m) -> {
          problems.add(m);
          error.accept(p, m);
        };
    List<CelSource.Variable> variables = variables(source.path("variables"), at, sink);
    List<CelSource.Validation> validations = new ArrayList<>();
    JsonNode vs = source.path("validations");
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      String p = at + "/validations/" + i;
      String expr = v.path("expression").asText("");
      if (expr.isBlank()) {
        sink.accept(p, "validation " + (i + 1) + " has no expression");
      }
      validations.add(
          new CelSource.Validation(
              expr, v.path("message").asText(""), v.path("messageExpression").asText(""), p));
    }
    if (vs.isEmpty()) {
      sink.accept(at, "K8sNativeValidation source has no validations");
    }
    String mcKey = source.has("matchConditions") ? "matchConditions" : "matchCondition";
    List<CelSource.MatchCondition> conditions = new ArrayList<>();
    JsonNode mcs = source.path(mcKey);
    for (int i = 0; i < mcs.size(); i++) {
      String p = at + "/" + mcKey + "/" + i;
      String expr = mcs.get(i).path("expression").asText("");
      if (expr.isBlank()) {
        sink.accept(p, "match condition " + (i + 1) + " has no expression");
      }
      conditions.add(new CelSource.MatchCondition(mcs.get(i).path("name").asText(""), expr, p));
    }
    String fp = source.path("failurePolicy").asText("Fail");
    CelSource.FailurePolicy policy = CelSource.FailurePolicy.FAIL;
    switch (fp) {
      case "Fail" -> policy = CelSource.FailurePolicy.FAIL;
      case "Ignore" -> policy = CelSource.FailurePolicy.IGNORE;
      default ->
          sink.accept(at + "/failurePolicy", "failurePolicy must be Fail or Ignore, not " + fp);
    }
    return problems.isEmpty()
        ? Optional.of(new CelSource(variables, validations, conditions, policy, at))
        : Optional.empty();
  }

  private static List<CelSource.Variable> variables(
      JsonNode list, String at, BiConsumer<String, String> sink) {
    List<CelSource.Variable> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode v = list.get(i);
      String p = at + "/variables/" + i;
      String name = v.path("name").asText("");
      if (!IDENTIFIER.matcher(name).matches()) {
        sink.accept(p + "/name", "variable name \"" + name + "\" is not a CEL identifier");
      } else if (RESERVED.contains(name) || name.startsWith("gatekeeper_internal_")) {
        sink.accept(p + "/name", "variable name \"" + name + "\" is reserved by Gatekeeper");
      } else if (!seen.add(name)) {
        sink.accept(p + "/name", "variable \"" + name + "\" is defined twice");
      }
      String expr = v.path("expression").asText("");
      if (expr.isBlank()) {
        sink.accept(p, "variable \"" + name + "\" has no expression");
      }
      out.add(new CelSource.Variable(name, expr, p));
    }
    return out;
  }
}
