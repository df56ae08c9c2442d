package dev.gatehouse.admission.rego;

import dev.gatehouse.admission.ConstraintTemplate;
import dev.gatehouse.admission.RegoSource;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.rego.CompiledPolicy;
import dev.gatehouse.rego.Rego;
import dev.gatehouse.rego.RegoError;
import dev.gatehouse.rego.RegoException;
import dev.gatehouse.rego.RegoModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles one template's Rego source: rewrites the module and each lib ({@link TemplateRewriter}),
 * compiles them together into the template's own policy, and reports every problem at the
 * template's {@code rego} or {@code libs[i]} field with the Rego line in the message. Modules are
 * named as Gatekeeper names them ({@code template}, {@code libs["lib_0"]}), so evaluation errors
 * read as Gatekeeper's do.
 */
final class RegoTemplateCompiler {
  private final ConstraintTemplate template;
  private final Diagnostics diagnostics;
  private final Map<String, String> pointers = new LinkedHashMap<>();
  private final List<RegoModule> modules = new ArrayList<>();
  private boolean ok = true;

  private RegoTemplateCompiler(ConstraintTemplate template, Diagnostics diagnostics) {
    this.template = template;
    this.diagnostics = diagnostics;
  }

  /** The compiled policy of {@code source}, or empty after reporting why not. */
  static Optional<CompiledPolicy> compile(
      ConstraintTemplate template, RegoSource source, Diagnostics diagnostics) {
    return new RegoTemplateCompiler(template, diagnostics).compile(source);
  }

  private Optional<CompiledPolicy> compile(RegoSource src) {
    String base = src.pointer().contains("/code/") ? src.pointer() + "/source" : src.pointer();
    boolean v1 = src.version().equals("v1");
    add("template", base + "/rego", TemplateRewriter.entryPoint(src.rego(), v1));
    for (int i = 0; i < src.libs().size(); i++) {
      add(libName(i), base + "/libs/" + i, TemplateRewriter.library(src.libs().get(i), v1));
    }
    if (!ok) {
      return Optional.empty();
    }
    try {
      CompiledPolicy policy = Rego.compile(modules);
      if (!policy.hasRule(CompiledRegoTemplate.VIOLATION)) {
        report(base + "/rego", "missing required rules: [violation]");
        return Optional.empty();
      }
      return Optional.of(policy);
    } catch (RegoException e) {
      for (RegoError err : e.errors()) {
        report(pointers.getOrDefault(err.location().file(), base + "/rego"), err.toString());
      }
      return Optional.empty();
    }
  }

  /** Gatekeeper's name for lib {@code i}: {@code libs["lib_0"]}. */
  static String libName(int i) {
    return TemplateRewriter.LIB_PREFIX + "[\"lib_" + i + "\"]";
  }

  private void add(String name, String pointer, TemplateRewriter.Rewritten rewritten) {
    for (TemplateRewriter.Problem p : rewritten.problems()) {
      report(pointer, name + ":" + p.line() + ": " + p.message());
    }
    ok &= rewritten.problems().isEmpty();
    pointers.put(name, pointer);
    modules.add(new RegoModule(name, rewritten.source()));
  }

  private void report(String pointer, String message) {
    diagnostics.error(
        "rego-compile-error",
        template.origin().locate(pointer),
        "ConstraintTemplate " + template.name() + ": " + message);
  }
}
