package dev.gatehouse.admission.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads one definition or initiative file as published ({@code {"properties": {...}, "id",
 * "name"}}; a custom definition may also be the bare {@code properties} object) and validates it at
 * the boundary: parameter types, defaults and allowed values, the rule's effect and details, the
 * template reference, initiative members, and every ARM expression (syntax, and that the parameters
 * it names exist). Problems are located diagnostics; a file with errors is left out.
 *
 * <p>Codes: {@code bad-definition}, {@code bad-initiative}, {@code not-kubernetes-data} (a note:
 * definitions of other modes are about Azure resources, not cluster objects).
 */
final class DefinitionReader {
  static final String KUBERNETES_MODE = "Microsoft.Kubernetes.Data";
  private static final String DEFINITIONS = "/providers/Microsoft.Authorization/policyDefinitions/";
  private static final String SETS = "/providers/Microsoft.Authorization/policySetDefinitions/";

  private final JsonDocument doc;
  private final Diagnostics diagnostics;
  private final String base;
  private final JsonNode props;
  private boolean ok = true;

  private DefinitionReader(JsonDocument doc, Diagnostics diagnostics) {
    this.doc = doc;
    this.diagnostics = diagnostics;
    boolean wrapped = doc.root().path("properties").isObject();
    this.base = wrapped ? "/properties" : "";
    this.props = wrapped ? doc.root().path("properties") : doc.root();
  }

  /** Reads {@code doc}; empty when it has errors or is not a Kubernetes data-plane definition. */
  static Optional<CatalogEntry> read(JsonDocument doc, Diagnostics diagnostics) {
    return new DefinitionReader(doc, diagnostics).read();
  }

  private Optional<CatalogEntry> read() {
    if (props.has("policyDefinitions")) {
      return initiative().map(e -> e);
    }
    if (props.has("policyRule")) {
      return definition().map(e -> e);
    }
    error(
        "",
        "neither a policy definition (properties.policyRule) nor an initiative"
            + " (properties.policyDefinitions)");
    return Optional.empty();
  }

  private Optional<PolicyDefinition> definition() {
    String mode = props.path("mode").asText("");
    if (!mode.equalsIgnoreCase(KUBERNETES_MODE)) {
      diagnostics.info(
          "not-kubernetes-data",
          doc.locate(base + "/mode"),
          "policy definition \""
              + text("displayName", fileStem())
              + "\" has mode \""
              + mode
              + "\", not "
              + KUBERNETES_MODE
              + "; not loaded");
      return Optional.empty();
    }
    String name = doc.root().path("name").asText(fileStem());
    Map<String, ParameterDefinition> params = parameters();
    DefinitionVersion version = version();
    String thenAt = base + "/policyRule/then";
    JsonNode then = props.path("policyRule").path("then");
    JsonNode effect = then.path("effect");
    if (!effect.isTextual()) {
      error(thenAt, "policyRule.then.effect must be a string");
    }
    JsonNode details = then.path("details");
    String detailsAt = thenAt + "/details";
    TemplateRef template = null;
    String legacyConstraint = "";
    if (!details.isObject()) {
      error(thenAt, "policyRule.then.details must be an object");
    } else if (!details.has("mutationInfo")) {
      template = templateRef(details, detailsAt);
      legacyConstraint = details.path("constraint").asText("");
      if (!details.has("kinds") && legacyConstraint.isEmpty()) {
        diagnostics.warning(
            "no-kinds",
            doc.locate(detailsAt),
            "policy definition \""
                + text("displayName", name)
                + "\": details has no kinds; its constraint matches every kind");
      }
    }
    new ExpressionCheck().check(then, thenAt);
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(
        new PolicyDefinition(
            doc.root().path("id").asText(DEFINITIONS + name),
            name,
            text("displayName", name),
            text("description", ""),
            text("policyType", "Custom"),
            props.path("metadata").path("category").asText(""),
            version,
            versions(version),
            params,
            props.path("metadata").path("preview").asBoolean(false),
            props.path("metadata").path("deprecated").asBoolean(false),
            effect,
            details,
            template,
            legacyConstraint,
            detailsAt,
            doc));
  }

  private @Nullable TemplateRef templateRef(JsonNode details, String at) {
    JsonNode info = details.path("templateInfo");
    if (info.isObject()) {
      String type = info.path("sourceType").asText("");
      String ptr = at + "/templateInfo";
      if (type.equalsIgnoreCase("PublicURL")) {
        String url = info.path("url").asText("");
        if (url.isEmpty()) {
          error(ptr, "templateInfo with sourceType PublicURL needs a url");
          return null;
        }
        return TemplateRef.ofUrl(url, doc.file());
      }
      if (type.equalsIgnoreCase("Base64Encoded")) {
        Optional<TemplateRef> t = TemplateRef.ofBase64(info.path("content").asText(""));
        if (t.isEmpty() || info.path("content").asText("").isBlank()) {
          error(ptr + "/content", "templateInfo content is not base64-encoded YAML");
          return null;
        }
        return t.get();
      }
      error(
          ptr + "/sourceType",
          "unknown templateInfo sourceType \"" + type + "\" (expected PublicURL or Base64Encoded)");
      return null;
    }
    String legacy = details.path("constraintTemplate").asText("");
    if (!legacy.isEmpty()) {
      return TemplateRef.ofUrl(legacy, doc.file());
    }
    error(at, "details has neither templateInfo nor constraintTemplate");
    return null;
  }

  private Optional<PolicySetDefinition> initiative() {
    String name = doc.root().path("name").asText(fileStem());
    Map<String, ParameterDefinition> params = parameters();
    DefinitionVersion version = version();
    List<PolicySetDefinition.Member> members = new ArrayList<>();
    JsonNode list = props.path("policyDefinitions");
    String at = base + "/policyDefinitions";
    if (!list.isArray() || list.isEmpty()) {
      error(at, "policyDefinitions must be a non-empty array");
    }
    ExpressionCheck check = new ExpressionCheck();
    for (int i = 0; i < list.size(); i++) {
      member(list.get(i), at + "/" + i, check).ifPresent(members::add);
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(
        new PolicySetDefinition(
            doc.root().path("id").asText(SETS + name),
            name,
            text("displayName", name),
            text("description", ""),
            text("policyType", "Custom"),
            props.path("metadata").path("category").asText(""),
            version,
            versions(version),
            params,
            props.path("metadata").path("preview").asBoolean(false),
            props.path("metadata").path("deprecated").asBoolean(false),
            members,
            doc));
  }

  private Optional<PolicySetDefinition.Member> member(
      JsonNode m, String at, ExpressionCheck check) {
    String defId = m.path("policyDefinitionId").asText("");
    if (defId.isEmpty()) {
      error(at, "policyDefinitions entry without policyDefinitionId");
      return Optional.empty();
    }
    String ref =
        m.path("policyDefinitionReferenceId").asText(defId.substring(defId.lastIndexOf('/') + 1));
    String pin = m.path("definitionVersion").asText("");
    if (!pin.isEmpty() && !DefinitionVersion.isPin(pin)) {
      error(
          at + "/definitionVersion",
          "definitionVersion \"" + pin + "\" is not a version such as 9.*.*");
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    JsonNode ps = m.path("parameters");
    for (var it = ps.fields(); it.hasNext(); ) {
      var e = it.next();
      String ptr = at + "/parameters/" + JsonDocument.escape(e.getKey());
      if (!e.getValue().has("value")) {
        error(ptr, "member parameter " + e.getKey() + " must be {\"value\": ...}");
        continue;
      }
      values.put(e.getKey(), e.getValue().get("value"));
      check.check(e.getValue().get("value"), ptr + "/value");
    }
    return Optional.of(new PolicySetDefinition.Member(ref, defId, pin, values, at));
  }

  private Map<String, ParameterDefinition> parameters() {
    Map<String, ParameterDefinition> out = new LinkedHashMap<>();
    JsonNode ps = props.path("parameters");
    String at = base + "/parameters";
    if (!ps.isMissingNode() && !ps.isObject()) {
      error(at, "parameters must be an object");
      return out;
    }
    for (var it = ps.fields(); it.hasNext(); ) {
      var e = it.next();
      parameter(e.getKey(), e.getValue(), at + "/" + JsonDocument.escape(e.getKey()))
          .ifPresent(p -> out.put(p.name(), p));
    }
    return out;
  }

  private Optional<ParameterDefinition> parameter(String name, JsonNode p, String at) {
    Optional<ParameterType> type = ParameterType.parse(p.path("type").asText(""));
    if (type.isEmpty()) {
      error(
          at + "/type",
          "parameter '"
              + name
              + "' has type \""
              + p.path("type").asText("")
              + "\" (expected String, Array, Object, Boolean, Integer, Float or DateTime)");
      return Optional.empty();
    }
    List<JsonNode> allowed = new ArrayList<>();
    JsonNode av = p.path("allowedValues");
    if (av.isArray()) {
      av.forEach(allowed::add);
    } else if (!av.isMissingNode()) {
      error(at + "/allowedValues", "allowedValues of parameter '" + name + "' must be an array");
    }
    JsonNode def =
        p.has("defaultValue") && !p.get("defaultValue").isNull() ? p.get("defaultValue") : null;
    ParameterDefinition pd =
        new ParameterDefinition(
            name,
            type.get(),
            def,
            allowed,
            p.path("metadata").path("displayName").asText(""),
            p.path("metadata").path("description").asText(""),
            at);
    if (def != null) {
      pd.check(def).ifPresent(problem -> error(at + "/defaultValue", "default value: " + problem));
    }
    return Optional.of(pd);
  }

  private DefinitionVersion version() {
    String v = text("version", props.path("metadata").path("version").asText("1.0.0"));
    return DefinitionVersion.parse(v)
        .orElseGet(
            () -> {
              error(base + "/version", "version \"" + v + "\" is not major.minor.patch[-suffix]");
              return new DefinitionVersion(0, 0, 0, "");
            });
  }

  private List<String> versions(DefinitionVersion version) {
    List<String> out = new ArrayList<>();
    props.path("versions").forEach(v -> out.add(v.asText()));
    String self = version.toString();
    if (out.stream().noneMatch(v -> v.equalsIgnoreCase(self))) {
      out.add(0, self);
    }
    return out;
  }

  private String text(String field, String fallback) {
    String v = props.path(field).asText("");
    return v.isEmpty() ? fallback : v;
  }

  private String fileStem() {
    String f = doc.file().replace('\\', '/');
    String b = f.substring(f.lastIndexOf('/') + 1);
    return b.endsWith(".json") ? b.substring(0, b.length() - 5) : b;
  }

  private void error(String pointer, String message) {
    ok = false;
    boolean set = props.has("policyDefinitions");
    diagnostics.error(
        set ? "bad-initiative" : "bad-definition",
        doc.locate(pointer),
        (set ? "initiative \"" : "policy definition \"")
            + text("displayName", fileStem())
            + "\": "
            + message);
  }

  /** Parses every expression under a node and checks that the parameters it names are declared. */
  private final class ExpressionCheck {
    /** Every parameter declared, valid or not (a bad declaration is reported once, there). */
    private final java.util.Set<String> declared = new java.util.HashSet<>();

    ExpressionCheck() {
      props.path("parameters").fieldNames().forEachRemaining(declared::add);
    }

    void check(JsonNode node, String at) {
      if (node.isObject()) {
        node.fields()
            .forEachRemaining(e -> check(e.getValue(), at + "/" + JsonDocument.escape(e.getKey())));
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          check(node.get(i), at + "/" + i);
        }
      } else if (node.isTextual() && ArmExpression.isExpression(node.asText())) {
        String text = node.asText();
        try {
          names(ArmExpression.parse(text.substring(1, text.length() - 1)), at);
        } catch (ArmExpressionException e) {
          error(at, String.valueOf(e.getMessage()));
        }
      }
    }

    private void names(ArmExpression e, String at) {
      switch (e) {
        case ArmExpression.Literal l -> {}
        case ArmExpression.Member m -> names(m.target(), at);
        case ArmExpression.Index i -> {
          names(i.target(), at);
          names(i.index(), at);
        }
        case ArmExpression.Call c -> {
          c.args().forEach(a -> names(a, at));
          if (c.function().equals("parameters")
              && c.args().size() == 1
              && c.args().get(0) instanceof ArmExpression.Literal l
              && l.value().isTextual()
              && !declared.contains(l.value().asText())) {
            error(at, "parameter '" + l.value().asText() + "' is not defined");
          }
        }
      }
    }
  }
}
