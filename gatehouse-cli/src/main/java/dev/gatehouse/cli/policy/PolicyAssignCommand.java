package dev.gatehouse.cli.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.admission.azure.AzurePolicyLoader;
import dev.gatehouse.admission.azure.CatalogEntry;
import dev.gatehouse.admission.azure.DefinitionCatalog;
import dev.gatehouse.admission.azure.Effect;
import dev.gatehouse.admission.azure.EnforcementMode;
import dev.gatehouse.admission.azure.ParameterDefinition;
import dev.gatehouse.admission.azure.ParameterType;
import dev.gatehouse.admission.azure.PolicyAssignment;
import dev.gatehouse.admission.azure.PolicyDefinition;
import dev.gatehouse.admission.azure.PolicySetDefinition;
import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse policy assign}: writes a {@code PolicyAssignment} (YAML) for a definition or an
 * initiative, as the portal's Assign page does, after checking it against the definition (parameter
 * names, types and allowed values, the effect, that every template is available). Nothing is
 * printed when the assignment would not deploy.
 */
@Command(
    name = "assign",
    mixinStandardHelpOptions = true,
    description = {
      "Write a PolicyAssignment for a definition or initiative (YAML on stdout or --output-file).",
      "Use it with: gatehouse admission test -f ASSIGNMENT -f OBJECTS, gatehouse audit -f ..."
    })
public final class PolicyAssignCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Mixin AzureOptions azure = new AzureOptions();

  @ArgGroup(multiplicity = "1")
  Target target = new Target();

  /** Exactly one of {@code --definition} and {@code --initiative}. */
  static final class Target {
    @Option(
        names = "--definition",
        paramLabel = "NAME",
        description = "A policy definition (display name, name, id or file name).")
    @Nullable String definition;

    @Option(
        names = "--initiative",
        paramLabel = "NAME",
        description = "An initiative (display name, name, id or file name).")
    @Nullable String initiative;
  }

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "metadata.name (default: from the display name).")
  @Nullable String name;

  @Option(
      names = "--display-name",
      paramLabel = "TEXT",
      description = "spec.displayName (default: the definition's).")
  @Nullable String displayName;

  @Option(names = "--description", paramLabel = "TEXT", description = "spec.description.")
  @Nullable String description;

  @Option(
      names = "--scope",
      paramLabel = "SCOPE",
      description =
          "cluster (default), namespaces=NS[,NS...] or selector=KEY=VALUE[,KEY=VALUE...]. Repeatable.")
  List<String> scopes = new ArrayList<>();

  @Option(
      names = "--exclude-namespace",
      paramLabel = "NS",
      description =
          "A namespace to exclude besides the definition's default exclusions. Repeatable.")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=VALUE",
      description =
          "A parameter value; String parameters take VALUE as is, others JSON (e.g. '[\"a\"]')."
              + " Repeatable.")
  List<String> params = new ArrayList<>();

  @Option(names = "--effect", paramLabel = "EFFECT", description = "deny, audit or disabled.")
  @Nullable String effect;

  @Option(
      names = "--enforcement-mode",
      paramLabel = "MODE",
      description = "Default or DoNotEnforce.")
  @Nullable String enforcementMode;

  @Option(
      names = {"-O", "--output-file"},
      paramLabel = "FILE",
      description = "Write the YAML to FILE (atomically).")
  @Nullable Path outputFile;

  @Override
  public Integer call() {
    Diagnostics d = new Diagnostics();
    DefinitionCatalog catalog = azure.catalog(d);
    if (catalog.isEmpty()) {
      PolicyCli.report(d, spec.commandLine().getErr());
      throw new UserException(PolicyCli.NO_DEFINITIONS, ExitCodes.ERROR);
    }
    CatalogEntry entry = entry(catalog);
    String yaml = Documents.yaml(body(entry));
    Diagnostics check = new Diagnostics();
    AzurePolicyLoader.load(
        KubeLoader.parse(yaml, "<assignment>", check), () -> catalog, azure.store(), check);
    d.all().forEach(check::add);
    PolicyCli.report(check, spec.commandLine().getErr());
    if (check.hasErrors()) {
      throw new UserException("the assignment would not deploy (see above)", ExitCodes.ERROR);
    }
    Path file = outputFile;
    if (file != null) {
      Documents.writeAtomically(file, yaml);
    } else {
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
    }
    return ExitCodes.OK;
  }

  private CatalogEntry entry(DefinitionCatalog catalog) {
    boolean def = target.definition != null;
    String ref = def ? target.definition : target.initiative;
    List<? extends CatalogEntry> found =
        def
            ? catalog.lookup(java.util.Objects.requireNonNull(ref), PolicyDefinition.class)
            : catalog.lookup(java.util.Objects.requireNonNull(ref), PolicySetDefinition.class);
    if (found.size() != 1) {
      throw new UserException(
          (found.isEmpty() ? "no " : "several ")
              + (def ? "policy definitions" : "initiatives")
              + " named \""
              + ref
              + "\""
              + (found.isEmpty()
                  ? " (gatehouse policy definitions lists them)"
                  : ": " + String.join(", ", found.stream().map(CatalogEntry::id).toList())),
          ExitCodes.USAGE);
    }
    return found.get(0);
  }

  private Map<String, Object> body(CatalogEntry e) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("displayName", displayName != null ? displayName : e.displayName());
    if (description != null) {
      spec.put("description", description);
    }
    spec.put(e instanceof PolicySetDefinition ? "initiative" : "definition", e.displayName());
    Map<String, Object> scope = scope();
    if (!scope.isEmpty()) {
      spec.put("scope", scope);
    }
    if (!exclude.isEmpty()) {
      spec.put("excludedNamespaces", excluded(e));
    }
    if (effect != null) {
      Effect parsed =
          Effect.parse(effect)
              .orElseThrow(
                  () ->
                      new UserException(
                          "--effect must be deny, audit or disabled", ExitCodes.USAGE));
      spec.put("effect", parsed.displayName());
    }
    if (enforcementMode != null) {
      EnforcementMode m =
          EnforcementMode.parse(enforcementMode)
              .orElseThrow(
                  () ->
                      new UserException(
                          "--enforcement-mode must be Default or DoNotEnforce", ExitCodes.USAGE));
      spec.put("enforcementMode", m.wireName());
    }
    Map<String, Object> values = parameters(e);
    if (!values.isEmpty()) {
      spec.put("parameters", values);
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", name != null ? name : slug(e.displayName()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("apiVersion", PolicyAssignment.API_VERSION);
    body.put("kind", PolicyAssignment.KIND);
    body.put("metadata", meta);
    body.put("spec", spec);
    return body;
  }

  private Map<String, Object> scope() {
    List<String> namespaces = new ArrayList<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (String s : scopes) {
      int eq = s.indexOf('=');
      String kind = (eq < 0 ? s : s.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
      String value = eq < 0 ? "" : s.substring(eq + 1);
      switch (kind) {
        case "cluster" -> {}
        case "namespace", "namespaces" -> {
          for (String n : value.split(",")) {
            if (!n.isBlank()) {
              namespaces.add(n.trim());
            }
          }
        }
        case "selector", "labelselector" -> {
          for (String kv : value.split(",")) {
            int e = kv.indexOf('=');
            if (e <= 0) {
              throw new UserException(
                  "--scope selector= takes KEY=VALUE pairs, not \"" + kv + "\"", ExitCodes.USAGE);
            }
            labels.put(kv.substring(0, e).trim(), kv.substring(e + 1).trim());
          }
        }
        default ->
            throw new UserException(
                "--scope must be cluster, namespaces=NS,... or selector=KEY=VALUE,..., not \""
                    + s
                    + "\"",
                ExitCodes.USAGE);
      }
    }
    Map<String, Object> scope = new LinkedHashMap<>();
    if (!namespaces.isEmpty()) {
      scope.put("namespaces", namespaces);
    }
    if (!labels.isEmpty()) {
      scope.put("labelSelector", Map.of("matchLabels", labels));
    }
    return scope;
  }

  private List<String> excluded(CatalogEntry e) {
    Set<String> out = new LinkedHashSet<>();
    ParameterDefinition p = e.parameters().get("excludedNamespaces");
    if (p == null) {
      throw new UserException(
          "\"" + e.displayName() + "\" has no excludedNamespaces parameter", ExitCodes.USAGE);
    }
    p.defaultOf().ifPresent(v -> v.forEach(n -> out.add(n.asText())));
    out.addAll(exclude);
    return List.copyOf(out);
  }

  private Map<String, Object> parameters(CatalogEntry e) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String kv : params) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new UserException("--param takes NAME=VALUE, not \"" + kv + "\"", ExitCodes.USAGE);
      }
      String n = kv.substring(0, eq).trim();
      String raw = kv.substring(eq + 1);
      ParameterDefinition p = e.parameters().get(n);
      if (p == null) {
        throw new UserException(
            "--param "
                + n
                + ": \""
                + e.displayName()
                + "\" has no such parameter (it has: "
                + String.join(", ", e.parameters().keySet())
                + ")",
            ExitCodes.USAGE);
      }
      out.put(n, value(p, raw));
    }
    return out;
  }

  private static Object value(ParameterDefinition p, String raw) {
    if (p.type() == ParameterType.STRING || p.type() == ParameterType.DATETIME) {
      return raw;
    }
    try {
      JsonNode v = JSON.readTree(raw);
      return JSON.convertValue(v, Object.class);
    } catch (JsonProcessingException | IllegalArgumentException ex) {
      throw new UserException(
          "--param "
              + p.name()
              + ": a "
              + p.type().displayName()
              + " must be written in JSON, not \""
              + raw
              + "\"",
          ExitCodes.USAGE);
    }
  }

  /** A Kubernetes name from a display name: lower case, dashes, at most 63 characters. */
  static String slug(String text) {
    String s =
        text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 63) {
      s = s.substring(0, 63).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "assignment" : s;
  }
}
