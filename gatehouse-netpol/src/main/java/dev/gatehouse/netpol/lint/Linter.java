package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the catalogue's rules over an input.
 *
 * <p>Rules run in catalogue order; a rule not applying to the engine profile, or disabled, does not
 * run. When an enabled rule that supersedes another reports at the same object and pointer, the
 * superseded finding is dropped (it would say the same thing less precisely). Findings are sorted
 * by file, line, rule id and message, so the same input gives the same report.
 */
public final class Linter {
  private static final Comparator<Finding> ORDER =
      Comparator.comparing((Finding f) -> f.location().file())
          .thenComparingInt(f -> f.location().line())
          .thenComparing(f -> f.rule().id())
          .thenComparing(Finding::object)
          .thenComparing(Finding::message);

  private Linter() {}

  /** Lints {@code objects}; problems of the input itself go to {@code diagnostics}. */
  public static LintReport run(
      List<KubeObject> objects, LintOptions options, Diagnostics diagnostics) {
    LintInput input = LintInput.of(objects, options.profile(), diagnostics);
    List<RuleInfo> ran = new ArrayList<>();
    List<Finding> found = new ArrayList<>();
    for (LintRule rule : RuleCatalog.rules()) {
      RuleInfo info = rule.info();
      if (options.disabled().contains(info.id()) || !info.appliesTo(options.profile())) {
        continue;
      }
      ran.add(info);
      found.addAll(rule.check(input));
    }
    List<Finding> kept = dropSuperseded(found);
    kept.sort(ORDER);
    return new LintReport(dedupe(kept), ran, objects.size());
  }

  private static List<Finding> dropSuperseded(List<Finding> found) {
    Set<String> superseded = new HashSet<>();
    for (Finding f : found) {
      for (String id : f.rule().supersedes()) {
        superseded.add(id + "\u0000" + f.object() + "\u0000" + f.pointer());
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Finding f : found) {
      if (!superseded.contains(f.rule().id() + "\u0000" + f.object() + "\u0000" + f.pointer())) {
        out.add(f);
      }
    }
    return out;
  }

  private static List<Finding> dedupe(List<Finding> sorted) {
    return List.copyOf(new LinkedHashSet<>(sorted));
  }
}
