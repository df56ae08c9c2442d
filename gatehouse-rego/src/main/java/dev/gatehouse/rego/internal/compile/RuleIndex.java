package dev.gatehouse.rego.internal.compile;

import dev.gatehouse.rego.RegoException;
import dev.gatehouse.rego.internal.ast.Module;
import dev.gatehouse.rego.internal.ast.Rule;
import dev.gatehouse.rego.internal.eval.DataNode;
import dev.gatehouse.rego.internal.eval.RuleSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Stage "index rules": groups definitions by path into {@link RuleSet}s, checks that definitions of
 * one path agree (kind, arity, at most one default) and that rules and packages do not overlap, and
 * builds the virtual document tree.
 */
final class RuleIndex {
  /** The definitions of one path with the module each comes from. */
  record Group(List<String> path, List<Rule> rules, List<Module> modules) {}

  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Map<String, RuleSet> sets = new HashMap<>();
  private final Map<List<String>, Set<String>> rulesByPackage = new HashMap<>();
  private final DataNode root;

  static RuleIndex build(List<Module> modules, Errors errors) {
    RuleIndex ix = new RuleIndex();
    for (Module m : modules) {
      ix.rulesByPackage.computeIfAbsent(m.packagePath(), p -> new TreeSet<>());
      for (Rule r : m.rules()) {
        List<String> path = new ArrayList<>(m.packagePath());
        path.add(r.name());
        Group g =
            ix.groups.computeIfAbsent(
                "data." + String.join(".", path),
                k -> new Group(path, new ArrayList<>(), new ArrayList<>()));
        g.rules().add(r);
        g.modules().add(m);
        ix.rulesByPackage.get(m.packagePath()).add(r.name());
      }
    }
    ix.check(errors);
    ix.buildTree(modules, errors);
    return ix;
  }

  private void check(Errors errors) {
    int index = 0;
    for (Map.Entry<String, Group> e : groups.entrySet()) {
      List<Rule> rules = e.getValue().rules();
      Rule first = rules.getFirst();
      int defaults = 0;
      for (Rule r : rules) {
        if (kindOf(r) != kindOf(first) || r.args().size() != first.args().size()) {
          errors.add(RegoException.TYPE, r.loc(), "conflicting rules " + e.getKey() + " found");
        }
        if (r.isDefault() && ++defaults > 1) {
          errors.add(
              RegoException.TYPE, r.loc(), "multiple default rules " + e.getKey() + " found");
        }
      }
      sets.put(
          e.getKey(),
          new RuleSet(
              e.getValue().path(), kindOf(first), first.args().size(), index++, first.loc()));
    }
  }

  private static Rule.Kind kindOf(Rule r) {
    return r.isDefault() && !r.args().isEmpty() ? Rule.Kind.FUNCTION : r.kind();
  }

  private void buildTree(List<Module> modules, Errors errors) {
    for (RuleSet rs : sets.values()) {
      DataNode n = root;
      for (String seg : rs.segments()) {
        if (n.rules() != null) {
          errors.add(
              RegoException.TYPE,
              rs.loc(),
              "rule " + n.rules().path() + " conflicts with " + rs.path());
          break;
        }
        n = n.child(seg);
      }
      if (!n.children().isEmpty()) {
        errors.add(
            RegoException.TYPE,
            rs.loc(),
            "rule " + rs.path() + " conflicts with a package below it");
      }
      n.setRules(rs);
    }
    for (Module m : modules) {
      DataNode n = root;
      for (String seg : m.packagePath()) {
        if (n.rules() != null) {
          errors.add(
              RegoException.TYPE,
              m.loc(),
              "package data."
                  + String.join(".", m.packagePath())
                  + " conflicts with rule "
                  + n.rules().path());
          break;
        }
        n = n.child(seg);
      }
    }
  }

  /** An index over already compiled rule sets, used to compile queries. */
  static RuleIndex fromCompiled(Compiler.Compiled c) {
    return new RuleIndex(c.root(), c.ruleSets());
  }

  private RuleIndex() {
    this(new DataNode(), Map.of());
  }

  private RuleIndex(DataNode root, Map<String, RuleSet> sets) {
    this.root = root;
    this.sets.putAll(sets);
  }

  Map<String, Group> groups() {
    return groups;
  }

  @Nullable RuleSet ruleSet(String path) {
    return sets.get(path);
  }

  Map<String, RuleSet> ruleSets() {
    return sets;
  }

  /** Names of the rules defined in a package (across all its modules). */
  Set<String> rulesOf(List<String> packagePath) {
    return rulesByPackage.getOrDefault(packagePath, Set.of());
  }

  DataNode root() {
    return root;
  }
}
