package dev.gatehouse.rego.internal.compile;

import dev.gatehouse.rego.Location;
import dev.gatehouse.rego.internal.ast.Expr;
import dev.gatehouse.rego.internal.ast.Module;
import dev.gatehouse.rego.internal.ast.Rule;
import dev.gatehouse.rego.internal.ast.Term;
import dev.gatehouse.rego.internal.builtins.Builtin;
import dev.gatehouse.rego.internal.builtins.Builtins;
import dev.gatehouse.rego.internal.eval.CompiledRule;
import dev.gatehouse.rego.internal.eval.DataNode;
import dev.gatehouse.rego.internal.eval.Goal;
import dev.gatehouse.rego.internal.eval.RuleSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Rego compiler: a fixed list of named stages, each of which collects every error it finds
 * before compilation stops (after OPA's v1/ast/compile.go).
 *
 * <ol>
 *   <li>index rules: group definitions by path, check kinds, arities, defaults, rule/package
 *       overlaps;
 *   <li>resolve refs and locals: packages, imports, function names, local variable scoping;
 *   <li>check safety: reorder bodies, reject unsafe variables;
 *   <li>check recursion;
 *   <li>plan: frame slots, callees, constants.
 * </ol>
 */
@SuppressWarnings("ArrayRecordComponent") // planned form: arrays for speed, never compared
public final class Compiler {
  private Compiler() {}

  /** The result of compiling modules. */
  public record Compiled(DataNode root, int ruleCount, Map<String, RuleSet> ruleSets) {}

  /**
   * A compiled query.
   *
   * @param body goals in safe order
   * @param frameSize slots used
   * @param names the query's variables reported in bindings (sorted)
   * @param slots the slot of each of {@code names}
   * @param texts the source text of each query expression
   * @param locations the location of each query expression
   */
  public record QueryPlan(
      Goal[] body,
      int frameSize,
      List<String> names,
      int[] slots,
      List<String> texts,
      List<Location> locations) {}

  /**
   * Compiles parsed modules.
   *
   * @throws dev.gatehouse.rego.RegoException with every error of the first failing stage
   */
  public static Compiled compile(List<Module> modules) {
    Errors errors = new Errors();
    RuleIndex index = RuleIndex.build(modules, errors);
    errors.throwIfAny();

    Map<Object, Set<String>> free = new IdentityHashMap<>();
    Map<String, List<Rule>> resolved = resolve(index, errors, free);
    errors.throwIfAny();

    Safety safety = new Safety(errors, free, name -> arity(index, name));
    Map<String, List<Rule>> ordered = new LinkedHashMap<>();
    resolved.forEach(
        (path, rules) -> ordered.put(path, rules.stream().map(r -> safe(safety, r)).toList()));
    errors.throwIfAny();

    Recursion.check(index, ordered, errors);
    errors.throwIfAny();

    ordered.forEach((path, rules) -> plan(index, errors, safety, path, rules));
    errors.throwIfAny();
    return new Compiled(index.root(), index.ruleSets().size(), new TreeMap<>(index.ruleSets()));
  }

  private static Map<String, List<Rule>> resolve(
      RuleIndex index, Errors errors, Map<Object, Set<String>> free) {
    Map<String, List<Rule>> out = new LinkedHashMap<>();
    Map<Module, Resolver> resolvers = new HashMap<>();
    for (Map.Entry<String, RuleIndex.Group> e : index.groups().entrySet()) {
      List<Rule> rules = new ArrayList<>();
      RuleIndex.Group g = e.getValue();
      for (int i = 0; i < g.rules().size(); i++) {
        Module m = g.modules().get(i);
        Resolver r = resolvers.computeIfAbsent(m, mod -> resolver(mod, index, errors, free));
        rules.add(r.resolveRule(g.rules().get(i)));
      }
      out.put(e.getKey(), rules);
    }
    return out;
  }

  private static Resolver resolver(
      Module m, RuleIndex index, Errors errors, Map<Object, Set<String>> free) {
    Map<String, List<String>> imports = new HashMap<>();
    for (Module.Import imp : m.imports()) {
      imports.put(imp.alias(), imp.path());
    }
    return new Resolver(m.packagePath(), index.rulesOf(m.packagePath()), imports, errors, free);
  }

  private static int arity(RuleIndex index, String name) {
    if (name.startsWith("data.")) {
      RuleSet rs = index.ruleSet(name);
      return rs != null && rs.kind() == Rule.Kind.FUNCTION ? rs.arity() : -1;
    }
    Builtin b = Builtins.lookup(name);
    return b == null ? -1 : b.arity();
  }

  private static Rule safe(Safety safety, Rule r) {
    Set<String> bound = new HashSet<>();
    r.args().forEach(a -> Vars.of(a, bound, false));
    List<Expr> body = safety.reorder(r.body(), bound);
    Term key = null;
    if (r.key() != null) {
      safety.checkHead(r.key(), bound, r.loc());
      key = safety.rewrite(r.key());
    }
    safety.checkHead(r.value(), bound, r.loc());
    Term value = safety.rewrite(r.value());
    Rule elseRule = r.elseRule() == null ? null : safe(safety, r.elseRule());
    return new Rule(
        r.loc(), r.name(), r.kind(), r.args(), key, value, body, r.isDefault(), elseRule);
  }

  private static void plan(
      RuleIndex index, Errors errors, Safety safety, String path, List<Rule> rules) {
    RuleSet rs = index.ruleSet(path);
    if (rs == null) {
      return;
    }
    List<CompiledRule> defs = new ArrayList<>();
    CompiledRule def = null;
    for (Rule r : rules) {
      CompiledRule c = Planner.rule(index, errors, safety, r);
      if (r.isDefault()) {
        def = c;
      } else {
        defs.add(c);
      }
    }
    rs.complete(defs, def);
  }

  /**
   * Compiles a parsed query against compiled modules.
   *
   * @throws dev.gatehouse.rego.RegoException for unknown functions, unsafe variables and the like
   */
  public static QueryPlan compileQuery(Compiled compiled, List<Expr> query, List<String> texts) {
    Errors errors = new Errors();
    RuleIndex index = RuleIndex.fromCompiled(compiled);
    Map<Object, Set<String>> free = new IdentityHashMap<>();
    Resolver resolver = new Resolver(List.of(), Set.of(), Map.of(), errors, free);
    List<Expr> resolved = resolver.resolveQuery(query);
    errors.throwIfAny();
    Safety safety = new Safety(errors, free, name -> arity(index, name));
    List<Expr> ordered = safety.reorder(resolved, new HashSet<>());
    errors.throwIfAny();
    Map<Location, Integer> reports = new HashMap<>();
    List<Location> locations = new ArrayList<>();
    for (int i = 0; i < query.size(); i++) {
      reports.put(query.get(i).loc(), i);
      locations.add(query.get(i).loc());
    }
    Planner planner = new Planner(index, errors, safety, reports);
    Goal[] body = planner.goals(ordered);
    errors.throwIfAny();
    List<String> names = new ArrayList<>(Planner.names(planner.slots()));
    int[] slots = names.stream().mapToInt(n -> planner.slots().get(n)).toArray();
    return new QueryPlan(body, planner.slots().size(), names, slots, texts, locations);
  }
}
