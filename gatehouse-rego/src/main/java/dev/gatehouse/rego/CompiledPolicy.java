package dev.gatehouse.rego;

import dev.gatehouse.rego.internal.ast.Module;
import dev.gatehouse.rego.internal.compile.Compiler;
import dev.gatehouse.rego.internal.eval.RuleSet;
import dev.gatehouse.rego.internal.parse.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Compiled Rego modules. Immutable and thread-safe: one instance can serve concurrent queries, and
 * prepared queries are cached by text.
 */
public final class CompiledPolicy {
  private static final int QUERY_CACHE_LIMIT = 512;
  private final Compiler.Compiled compiled;
  private final List<String> packages;
  private final ConcurrentHashMap<String, PreparedQuery> queries = new ConcurrentHashMap<>();

  CompiledPolicy(Compiler.Compiled compiled, List<Module> modules) {
    this.compiled = compiled;
    TreeSet<String> pkgs = new TreeSet<>();
    for (Module m : modules) {
      pkgs.add("data." + String.join(".", m.packagePath()));
    }
    this.packages = List.copyOf(pkgs);
  }

  /**
   * Parses and plans a query once; the result can be evaluated many times.
   *
   * @throws RegoException if the query does not parse or compile
   */
  public PreparedQuery prepare(String query) {
    PreparedQuery q = queries.get(query);
    if (q != null) {
      return q;
    }
    Parser.ParsedQuery parsed = Rego.guard(() -> Parser.parseQuery("query", query), "query");
    q =
        new PreparedQuery(
            compiled,
            Rego.guard(
                () -> Compiler.compileQuery(compiled, parsed.body(), parsed.texts()), "query"));
    if (queries.size() >= QUERY_CACHE_LIMIT) {
      queries.clear();
    }
    queries.put(query, q);
    return q;
  }

  /**
   * Evaluates a query such as {@code data.k8s.violation[v]} or {@code x := data.a; x > 1}.
   *
   * @param input the input document, or null when there is none
   * @param data the base data document (an object)
   * @throws RegoException on compile errors, conflicts, strict builtin errors or exceeded limits
   */
  public ResultSet query(String query, @Nullable Value input, Value data, EvalOptions options) {
    return prepare(query).eval(input, data, options);
  }

  /** Evaluates a query with empty base data and default options. */
  public ResultSet query(String query, @Nullable Value input) {
    return query(query, input, ObjectValue.EMPTY, EvalOptions.DEFAULTS);
  }

  /**
   * The value of a reference (e.g. {@code data.template.violation}), or empty when undefined.
   *
   * @throws RegoException as {@link #query}
   */
  public Optional<Value> value(String ref, @Nullable Value input, Value data, EvalOptions options) {
    ResultSet rs = query(ref, input, data, options);
    if (rs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(rs.results().getFirst().expressions().getFirst().value());
  }

  /** The packages of the compiled modules, as {@code data.a.b}, sorted. */
  public List<String> packages() {
    return packages;
  }

  /** The paths of all rules (e.g. {@code data.k8s.violation}), sorted. */
  public List<String> rules() {
    return new ArrayList<>(compiled.ruleSets().keySet());
  }

  /** Whether a rule (not a function) is defined at {@code path}. */
  public boolean hasRule(String path) {
    RuleSet rs = compiled.ruleSets().get(path);
    return rs != null && rs.kind() != dev.gatehouse.rego.internal.ast.Rule.Kind.FUNCTION;
  }

  /** The location of the first definition of the rule at {@code path}, if any. */
  public Optional<Location> ruleLocation(String path) {
    RuleSet rs = compiled.ruleSets().get(path);
    return rs == null ? Optional.empty() : Optional.of(rs.loc());
  }
}
