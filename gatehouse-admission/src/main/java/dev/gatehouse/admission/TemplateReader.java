package dev.gatehouse.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads and validates one ConstraintTemplate (Gatekeeper's rules: one target, {@code
 * admission.k8s.gatekeeper.sh}; {@code metadata.name} is the lower-cased kind; at least one
 * source).
 */
final class TemplateReader {
  static final String TARGET = "admission.k8s.gatekeeper.sh";

  private final KubeObject obj;
  private final Diagnostics diagnostics;
  private boolean ok = true;

  private TemplateReader(KubeObject obj, Diagnostics diagnostics) {
    this.obj = obj;
    this.diagnostics = diagnostics;
  }

  static Optional<ConstraintTemplate> read(KubeObject obj, Diagnostics diagnostics) {
    return new TemplateReader(obj, diagnostics).read();
  }

  private Optional<ConstraintTemplate> read() {
    JsonNode crd = obj.body().path("spec").path("crd").path("spec");
    String kind = crd.path("names").path("kind").asText("");
    if (kind.isEmpty()) {
      error("/spec/crd/spec/names", "spec.crd.spec.names.kind is required");
      return Optional.empty();
    }
    if (!obj.name().equals(kind.toLowerCase(Locale.ROOT))) {
      error(
          "/metadata/name",
          "metadata.name must be the lower-case kind \"" + kind.toLowerCase(Locale.ROOT) + "\"");
    }
    JsonNode validation = crd.path("validation");
    JsonNode schema = validation.path("openAPIV3Schema");
    boolean legacy =
        validation.path("legacySchema").isBoolean()
            ? validation.path("legacySchema").asBoolean()
            : !obj.apiVersion().endsWith("/v1");
    List<TemplateSource> sources = readTargets();
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(
        new ConstraintTemplate(
            obj.name(),
            kind,
            schema.isObject() ? schema : MissingNode.getInstance(),
            legacy,
            sources,
            obj));
  }

  private List<TemplateSource> readTargets() {
    JsonNode targets = obj.body().path("spec").path("targets");
    List<TemplateSource> out = new ArrayList<>();
    if (!targets.isArray() || targets.size() != 1) {
      error("/spec/targets", "spec.targets must hold exactly one target");
      return out;
    }
    JsonNode target = targets.get(0);
    String name = target.path("target").asText("");
    if (!name.equals(TARGET)) {
      error("/spec/targets/0/target", "target must be " + TARGET + ", not \"" + name + "\"");
      return out;
    }
    if (target.path("rego").isTextual()) {
      out.add(
          new RegoSource(target.path("rego").asText(), strings(target.path("libs")), "v0", p0()));
    }
    JsonNode code = target.path("code");
    for (int i = 0; i < code.size(); i++) {
      readCode(code.get(i), p0() + "/code/" + i).ifPresent(out::add);
    }
    if (out.isEmpty() && ok) {
      error("/spec/targets/0", "the target has no rego and no code");
    }
    return out;
  }

  private static String p0() {
    return "/spec/targets/0";
  }

  private Optional<TemplateSource> readCode(JsonNode code, String at) {
    String engine = code.path("engine").asText("");
    JsonNode source = code.path("source");
    switch (engine) {
      case CelSource.ENGINE -> {
        return CelSourceReader.read(source, at + "/source", this::error).map(c -> c);
      }
      case RegoSource.ENGINE -> {
        if (!source.path("rego").isTextual()) {
          error(at + "/source", "Rego source without source.rego");
          return Optional.empty();
        }
        String version = source.path("version").asText("v0");
        return Optional.of(
            new RegoSource(
                source.path("rego").asText(), strings(source.path("libs")), version, at));
      }
      default -> {
        diagnostics.warning(
            "unknown-engine",
            obj.locate(at + "/engine"),
            "ConstraintTemplate " + obj.name() + ": unknown engine \"" + engine + "\"; ignored");
        return Optional.empty();
      }
    }
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return out;
  }

  private void error(String pointer, String message) {
    ok = false;
    diagnostics.error(
        "bad-template", obj.locate(pointer), "ConstraintTemplate " + obj.name() + ": " + message);
  }
}
