package dev.gatehouse.cli.policy;

import dev.gatehouse.admission.azure.CatalogEntry;
import dev.gatehouse.admission.azure.PolicyDefinition;
import dev.gatehouse.admission.azure.PolicySetDefinition;
import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.kube.Diagnostics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse policy definitions}: the definitions and initiatives available, as the portal's
 * Definitions page lists them (initiatives first, by display name).
 */
@Command(
    name = "definitions",
    mixinStandardHelpOptions = true,
    description = "List policy definitions and initiatives (newest version of each).")
public final class PolicyDefinitionsCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    table,
    json
  }

  /** Which entries to list. */
  enum Type {
    all,
    policy,
    initiative
  }

  @Spec CommandSpec spec;

  @Mixin AzureOptions azure = new AzureOptions();

  @Option(
      names = "--category",
      paramLabel = "NAME",
      description = "Only this category (e.g. Kubernetes), ignoring case.")
  String category = "";

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "all (default), policy or initiative.")
  Type type = Type.all;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table (default) or json.")
  Format output = Format.table;

  @Override
  public Integer call() {
    Diagnostics d = new Diagnostics();
    List<CatalogEntry> entries = new ArrayList<>();
    for (CatalogEntry e : azure.catalog(d).latest()) {
      if ((category.isEmpty() || e.category().equalsIgnoreCase(category))
          && (type == Type.all || (type == Type.policy) == (e instanceof PolicyDefinition))) {
        entries.add(e);
      }
    }
    PolicyCli.report(d, spec.commandLine().getErr());
    if (azure.catalog(d).isEmpty()) {
      throw new UserException(PolicyCli.NO_DEFINITIONS, ExitCodes.ERROR);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output == Format.json) {
      List<Object> docs = new ArrayList<>();
      entries.forEach(e -> docs.add(json(e)));
      out.print(Documents.json(docs));
    } else {
      Table t = new Table("TYPE", "NAME", "VERSION", "CATEGORY", "EFFECT", "DISPLAY NAME");
      for (CatalogEntry e : entries) {
        t.row(
            e.typeName(),
            e.name(),
            e.version().toString(),
            e.category(),
            PolicyCli.defaultEffect(e),
            e.displayName());
      }
      t.print(out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  static Map<String, Object> json(CatalogEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", e.typeName());
    m.put("id", e.id());
    m.put("name", e.name());
    m.put("displayName", e.displayName());
    m.put("version", e.version().toString());
    m.put("versions", e.versions());
    m.put("category", e.category());
    m.put("policyType", e.policyType());
    m.put("defaultEffect", PolicyCli.defaultEffect(e));
    m.put("preview", e.preview());
    m.put("deprecated", e.deprecated());
    m.put("parameters", List.copyOf(e.parameters().keySet()));
    if (e instanceof PolicyDefinition def) {
      m.put("template", def.template().map(t -> t.describe()).orElse(""));
    }
    if (e instanceof PolicySetDefinition set) {
      m.put("members", set.members().size());
    }
    m.put("file", e.document().file());
    return m;
  }
}
