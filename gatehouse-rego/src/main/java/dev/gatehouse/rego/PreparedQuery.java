package dev.gatehouse.rego;

import dev.gatehouse.rego.internal.compile.Compiler;
import dev.gatehouse.rego.internal.eval.Evaluator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A parsed and planned query bound to a {@link CompiledPolicy}; immutable and thread-safe. */
public final class PreparedQuery {
  private final Compiler.Compiled compiled;
  private final Compiler.QueryPlan plan;

  PreparedQuery(Compiler.Compiled compiled, Compiler.QueryPlan plan) {
    this.compiled = compiled;
    this.plan = plan;
  }

  /**
   * Evaluates the query.
   *
   * @param input the input document, or null for none
   * @param data base data (an object; rules are overlaid on it)
   * @throws RegoException on conflicts, strict builtin errors, or when the step limit or timeout is
   *     reached ({@code eval_cancel_error})
   */
  public ResultSet eval(@Nullable Value input, Value data, EvalOptions options) {
    long deadline = System.nanoTime() + options.timeout().toNanos();
    Evaluator ev =
        new Evaluator(
            compiled.root(),
            compiled.ruleCount(),
            input,
            data,
            new Evaluator.Limits(options.stepLimit(), deadline, options.strictBuiltinErrors()));
    List<Evaluator.Solution> solutions;
    try {
      solutions = ev.query(plan.body(), plan.frameSize(), plan.slots(), plan.texts().size());
    } catch (StackOverflowError e) {
      throw new RegoException(
          RegoException.CANCEL, Location.NONE, "evaluation exceeded the maximum depth");
    }
    List<QueryResult> out = new ArrayList<>(solutions.size());
    for (Evaluator.Solution s : solutions) {
      out.add(result(s));
    }
    return new ResultSet(out);
  }

  private QueryResult result(Evaluator.Solution s) {
    List<ExpressionValue> exprs = new ArrayList<>();
    for (int i = 0; i < plan.texts().size(); i++) {
      Value v = s.expressions()[i];
      exprs.add(
          new ExpressionValue(
              v == null ? BooleanValue.TRUE : v, plan.texts().get(i), plan.locations().get(i)));
    }
    Map<String, Value> bindings = new LinkedHashMap<>();
    for (int i = 0; i < plan.names().size(); i++) {
      Value v = s.bindings()[i];
      if (v != null) {
        bindings.put(plan.names().get(i), v);
      }
    }
    return new QueryResult(exprs, bindings);
  }

  /** The variables the query reports in bindings, sorted. */
  public List<String> variables() {
    return plan.names();
  }
}
