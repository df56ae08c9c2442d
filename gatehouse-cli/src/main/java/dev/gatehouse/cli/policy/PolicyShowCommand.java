package dev.gatehouse.cli.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.admission.azure.CatalogEntry;
import dev.gatehouse.admission.azure.DefinitionCatalog;
import dev.gatehouse.admission.azure.ParameterDefinition;
import dev.gatehouse.admission.azure.PolicyDefinition;
import dev.gatehouse.admission.azure.PolicySetDefinition;
import dev.gatehouse.admission.azure.TemplateRef;
import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.kube.Diagnostics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse policy show NAME}: one definition or initiative — identity, versions, template,
 * parameters with defaults and allowed values, and an initiative's members with their pinned and
 * resolved versions and fixed parameter values.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show a definition or initiative (by display name, name, id or file name).")
public final class PolicyShowCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Mixin AzureOptions azure = new AzureOptions();

  @Parameters(paramLabel = "NAME", description = "Display name, name (GUID), id or file name.")
  String name = "";

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default) or json (the definition as published).")
  Format output = Format.text;

  @Override
  public Integer call() {
    Diagnostics d = new Diagnostics();
    DefinitionCatalog catalog = azure.catalog(d);
    PolicyCli.report(d, spec.commandLine().getErr());
    if (catalog.isEmpty()) {
      throw new UserException(PolicyCli.NO_DEFINITIONS, ExitCodes.ERROR);
    }
    List<CatalogEntry> found = catalog.lookup(name, CatalogEntry.class);
    if (found.isEmpty()) {
      throw new UserException(
          "no definition or initiative named \""
              + name
              + "\" (gatehouse policy definitions lists them)",
          ExitCodes.ERROR);
    }
    if (found.size() > 1) {
      throw new UserException(
          "\""
              + name
              + "\" is ambiguous; use an id: "
              + String.join(", ", found.stream().map(CatalogEntry::id).toList()),
          ExitCodes.ERROR);
    }
    CatalogEntry e = found.get(0);
    PrintWriter out = spec.commandLine().getOut();
    if (output == Format.json) {
      out.print(Documents.json(e.document().root()));
    } else {
      text(e, catalog, out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void text(CatalogEntry e, DefinitionCatalog catalog, PrintWriter out) {
    field(out, "Display name", e.displayName());
    field(out, "Type", e.typeName() + " (" + e.policyType() + ")");
    field(out, "Id", e.id());
    field(out, "Version", e.version() + "  (versions: " + String.join(", ", e.versions()) + ")");
    field(out, "Category", e.category());
    String flags = (e.preview() ? "preview " : "") + (e.deprecated() ? "deprecated" : "");
    if (!flags.isBlank()) {
      field(out, "Status", flags.strip());
    }
    field(out, "Default effect", PolicyCli.defaultEffect(e));
    if (e instanceof PolicyDefinition def) {
      definition(def, out);
    }
    field(out, "File", e.document().file());
    field(out, "Description", e.description());
    out.println();
    out.println("Parameters:");
    Table t = new Table("NAME", "TYPE", "DEFAULT", "ALLOWED VALUES");
    for (ParameterDefinition p : e.parameters().values()) {
      t.row(
          p.name(),
          p.type().displayName(),
          p.defaultOf().map(JsonNode::toString).orElse("(required)"),
          String.join(
              ", ",
              p.allowedValues().stream()
                  .map(v -> v.isTextual() ? v.asText() : v.toString())
                  .toList()));
    }
    indent(t, out);
    if (e instanceof PolicySetDefinition set) {
      members(set, catalog, out);
    }
  }

  private static void definition(PolicyDefinition def, PrintWriter out) {
    field(
        out,
        "Template",
        def.template()
            .map(
                t ->
                    t instanceof TemplateRef.Store s
                        ? s.url() + "  (store " + s.name() + "/" + s.version() + ")"
                        : t.describe())
            .orElse("(mutation definition: not deployed)"));
    JsonNode d = def.details();
    if (d.has("kinds")) {
      field(out, "Kinds", d.get("kinds") + " in API groups " + d.path("apiGroups"));
    }
  }

  private static void members(PolicySetDefinition set, DefinitionCatalog catalog, PrintWriter out) {
    out.println();
    out.println("Members:");
    Table t = new Table("REFERENCE ID", "PINNED", "USES", "DEFINITION", "VALUES");
    for (PolicySetDefinition.Member m : set.members()) {
      var r = catalog.resolve(m.definitionId(), m.definitionVersion());
      String uses =
          r.map(x -> x.definition().version() + (x.substituted() ? " (pin not available)" : ""))
              .orElse("(not loaded)");
      String def = r.map(x -> x.definition().displayName()).orElse(m.definitionId());
      List<String> fixed = new ArrayList<>();
      for (Map.Entry<String, JsonNode> p : m.parameters().entrySet()) {
        JsonNode v = p.getValue();
        if (!(v.isTextual() && v.asText().startsWith("[parameters('" + p.getKey() + "')]"))) {
          fixed.add(p.getKey() + "=" + (v.isTextual() ? v.asText() : v.toString()));
        }
      }
      t.row(
          m.referenceId(),
          m.definitionVersion().isEmpty() ? "latest" : m.definitionVersion(),
          uses,
          def,
          String.join(", ", fixed));
    }
    indent(t, out);
  }

  private static void indent(Table t, PrintWriter out) {
    java.io.StringWriter sw = new java.io.StringWriter();
    PrintWriter pw = new PrintWriter(sw);
    t.print(pw);
    pw.flush();
    sw.toString().lines().forEach(l -> out.println("  " + l));
  }

  private static void field(PrintWriter out, String name, String value) {
    out.printf("%-16s%s%n", name + ":", value);
  }
}
