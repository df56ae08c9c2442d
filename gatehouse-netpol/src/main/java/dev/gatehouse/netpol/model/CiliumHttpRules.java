package dev.gatehouse.netpol.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.netpol.l7.HttpRule;
import dev.gatehouse.netpol.l7.HttpRule.HeaderMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses one Cilium {@code rules.http[]} entry.
 *
 * <p>Design note ({@code cilium/cilium:pkg/policy/api/http.go}; {@code pkg/envoy/xds_server.go
 * getHTTPRule}): {@code method}, {@code path} and {@code host} must be valid RE2 expressions. A
 * {@code headers} item is {@code "Name"} (the header must be present) or {@code "Name: value"}
 * (split at the first space, the trailing colon of the name dropped; the value must be equal). A
 * {@code headerMatches} item needs a {@code name}; its {@code value} must be equal; with a {@code
 * mismatch} action the proxy only logs or rewrites, so the item never denies; a {@code secret}
 * cannot be read by the analysis, so such an item without a fallback {@code value} never holds.
 */
final class CiliumHttpRules {
  private static final Set<String> ACTIONS = Set.of("LOG", "ADD", "DELETE", "REPLACE");

  private CiliumHttpRules() {}

  static Optional<HttpRule> parse(JsonNode rule, String at, ObjectProblems problems) {
    boolean ok = true;
    String[] fields = {"method", "path", "host"};
    String[] values = new String[3];
    for (int i = 0; i < fields.length; i++) {
      values[i] = rule.path(fields[i]).asText("");
      Optional<String> problem = HttpRule.regexProblem(values[i]);
      if (problem.isPresent()) {
        problems.error(
            at + "/" + fields[i],
            fields[i] + " \"" + values[i] + "\" is not a valid RE2 expression: " + problem.get());
        ok = false;
      }
    }
    List<HeaderMatch> headers = new ArrayList<>();
    JsonNode hs = rule.path("headers");
    for (int i = 0; i < hs.size(); i++) {
      headers.add(header(hs.get(i).asText("")));
    }
    JsonNode hms = rule.path("headerMatches");
    for (int i = 0; i < hms.size(); i++) {
      Optional<HeaderMatch> m = headerMatch(hms.get(i), at + "/headerMatches/" + i, problems);
      ok &= m.isPresent();
      m.ifPresent(headers::add);
    }
    return ok
        ? Optional.of(new HttpRule(values[0], values[1], values[2], headers))
        : Optional.empty();
  }

  private static HeaderMatch header(String text) {
    String t = text.trim();
    int space = t.indexOf(' ');
    if (space < 0) {
      return new HeaderMatch(stripColon(t), Optional.empty(), HeaderMatch.Mode.REQUIRE);
    }
    String name = stripColon(t.substring(0, space));
    return new HeaderMatch(
        name, Optional.of(t.substring(space + 1).trim()), HeaderMatch.Mode.REQUIRE);
  }

  private static String stripColon(String name) {
    return name.endsWith(":") ? name.substring(0, name.length() - 1) : name;
  }

  private static Optional<HeaderMatch> headerMatch(JsonNode m, String at, ObjectProblems problems) {
    String name = m.path("name").asText("");
    if (name.isEmpty()) {
      problems.error(at + "/name", "Header name missing");
      return Optional.empty();
    }
    String action = m.path("mismatch").asText("");
    if (!action.isEmpty() && !ACTIONS.contains(action)) {
      problems.error(at + "/mismatch", "Invalid header action: " + action);
      return Optional.empty();
    }
    Optional<String> value =
        m.hasNonNull("value") ? Optional.of(m.get("value").asText("")) : Optional.empty();
    if (!action.isEmpty()) {
      return Optional.of(new HeaderMatch(name, value, HeaderMatch.Mode.REPORT_ONLY));
    }
    if (m.has("secret") && value.isEmpty()) {
      problems.warning(
          at + "/secret",
          "the secret's value is not available to the analysis; this header match never holds here");
      return Optional.of(new HeaderMatch(name, Optional.empty(), HeaderMatch.Mode.SECRET));
    }
    return Optional.of(new HeaderMatch(name, value, HeaderMatch.Mode.REQUIRE));
  }
}
