package dev.gatehouse.admission.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Suites from loaded objects, validating their shape; problems are located diagnostics (code
 * {@code bad-suite}) and the offending test is left out.
 */
final class SuiteReader {
  static final String GROUP = "test.gatekeeper.sh";

  private SuiteReader() {}

  static boolean isSuite(KubeObject obj) {
    return obj.apiGroup().equals(GROUP) && obj.kind().equals("Suite");
  }

  /** Reads a suite object of {@code file}; tests with problems are reported and skipped. */
  static Suite read(KubeObject obj, Path file, Diagnostics diagnostics) {
    JsonNode body = obj.body();
    List<Suite.Test> tests = new ArrayList<>();
    JsonNode ts = body.path("tests");
    for (int i = 0; i < ts.size(); i++) {
      readTest(obj, ts.get(i), "/tests/" + i, diagnostics).ifPresent(tests::add);
    }
    return new Suite(file, obj.name(), body.path("skip").asBoolean(false), tests);
  }

  private static Optional<Suite.Test> readTest(
      KubeObject obj, JsonNode t, String at, Diagnostics diagnostics) {
    String name = t.path("name").asText("");
    String template = t.path("template").asText("");
    String constraint = t.path("constraint").asText("");
    boolean ok = require(obj, at, "template", template, diagnostics);
    ok &= require(obj, at, "constraint", constraint, diagnostics);
    List<Suite.Case> cases = new ArrayList<>();
    JsonNode cs = t.path("cases");
    for (int i = 0; i < cs.size(); i++) {
      Optional<Suite.Case> c = readCase(obj, cs.get(i), at + "/cases/" + i, diagnostics);
      ok &= c.isPresent();
      c.ifPresent(cases::add);
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(
        new Suite.Test(
            name.isEmpty() ? "test-" + at.substring(at.lastIndexOf('/') + 1) : name,
            template,
            constraint,
            t.path("invalid").asBoolean(false),
            t.path("skip").asBoolean(false),
            cases,
            obj.locate(at)));
  }

  private static Optional<Suite.Case> readCase(
      KubeObject obj, JsonNode c, String at, Diagnostics diagnostics) {
    String object = c.path("object").asText("");
    boolean ok = require(obj, at, "object", object, diagnostics);
    List<String> inventory = new ArrayList<>();
    c.path("inventory").forEach(n -> inventory.add(n.asText()));
    List<Suite.Assertion> assertions = new ArrayList<>();
    JsonNode as = c.path("assertions");
    if (as.isEmpty()) {
      diagnostics.error("bad-suite", obj.locate(at), "case has no assertions");
      ok = false;
    }
    for (int i = 0; i < as.size(); i++) {
      Optional<Suite.Expectation> e =
          expectation(as.get(i).path("violations"), obj, at + "/assertions/" + i, diagnostics);
      JsonNode m = as.get(i).path("message");
      ok &= e.isPresent();
      e.ifPresent(
          x ->
              assertions.add(
                  new Suite.Assertion(
                      x, m.isTextual() ? Optional.of(m.asText()) : Optional.empty())));
    }
    String name = c.path("name").asText("");
    return ok
        ? Optional.of(
            new Suite.Case(
                name.isEmpty() ? "case-" + at.substring(at.lastIndexOf('/') + 1) : name,
                object,
                inventory,
                c.path("skip").asBoolean(false),
                assertions,
                obj.locate(at)))
        : Optional.empty();
  }

  /** yes | no | N; YAML booleans (from YAML 1.1 writers) are read as yes/no. */
  private static Optional<Suite.Expectation> expectation(
      JsonNode v, KubeObject obj, String at, Diagnostics diagnostics) {
    if (v.isMissingNode() || v.isNull()) {
      return Optional.of(new Suite.AtLeastOne());
    }
    String text = v.asText();
    if (v.isBoolean()) {
      text = v.asBoolean() ? "yes" : "no";
    }
    if (text.equals("yes")) {
      return Optional.of(new Suite.AtLeastOne());
    }
    if (text.equals("no")) {
      return Optional.of(new Suite.Exactly(0));
    }
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() < 10) {
      return Optional.of(new Suite.Exactly(Integer.parseInt(text)));
    }
    diagnostics.error(
        "bad-suite",
        obj.locate(at + "/violations"),
        "violations must be yes, no or a non-negative integer, not \"" + text + "\"");
    return Optional.empty();
  }

  private static boolean require(
      KubeObject obj, String at, String field, String value, Diagnostics diagnostics) {
    if (value.isEmpty()) {
      diagnostics.error("bad-suite", obj.locate(at), field + " is required");
      return false;
    }
    return true;
  }
}
