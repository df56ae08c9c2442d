package dev.gatehouse.admission.cel;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.gatehouse.admission.CelSource;
import dev.gatehouse.admission.Constraint;
import dev.gatehouse.admission.Violation;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates one constraint of a compiled template against one request, as Gatekeeper's k8scel
 * driver does with Kubernetes' ValidatingAdmissionPolicy validator.
 *
 * <p>Design note. {@code variables} is a lazy, memoizing map: {@code anyObject} and {@code params}
 * (Gatekeeper's {@code cel_snippets.go}) first, then the template's variables, each evaluated on
 * first use; an error is memoized too and surfaces in every expression that reads the variable.
 * Match conditions run first (all must be true). Every validation runs; each one that is not {@code
 * true} is a violation whose message follows {@code validator.go}: the {@code messageExpression}
 * result if it is a non-blank string of at most 5 KiB without line breaks, else {@code message},
 * else {@code failed expression: <expression>}. Errors follow {@code failurePolicy}: {@code Fail}
 * turns them into violations, {@code Ignore} drops them. One {@link CostBudget} bounds the whole
 * evaluation.
 */
final class CelEvaluation {
  private static final int MAX_MESSAGE_BYTES = 5 * 1024;

  private final CompiledCelTemplate template;
  private final Constraint constraint;
  private final CostBudget budget;
  private final Map<String, Object> activation = new HashMap<>(8);

  CelEvaluation(
      CompiledCelTemplate template, Constraint constraint, CelInput input, CelLimits limits) {
    this.template = template;
    this.constraint = constraint;
    this.budget = new CostBudget(limits);
    CompiledCelTemplate.ConstraintValues values = template.valuesOf(constraint);
    activation.put("object", input.object());
    activation.put("oldObject", input.oldObject());
    activation.put("request", input.request());
    activation.put("params", values.params());
    activation.put("namespaceObject", input.namespaceObject());
    activation.put("variables", new Variables(input.anyObject(), values.parameters()));
  }

  /** Runs match conditions and validations; returns the violations. */
  void run(List<Violation> out) {
    for (CompiledCelTemplate.Condition c : template.conditions()) {
      Object v;
      try {
        v = eval(c.expression());
      } catch (CelEvaluationException e) {
        fail(out, "match condition '" + c.name() + "' resulted in error: " + reason(e));
        return;
      }
      if (!Boolean.TRUE.equals(v)) {
        return;
      }
    }
    for (CompiledCelTemplate.Check check : template.checks()) {
      Object v;
      try {
        v = eval(check.expression());
      } catch (CelEvaluationException e) {
        fail(
            out,
            "expression '"
                + check.expression().source().strip()
                + "' resulted in error: "
                + reason(e));
        continue;
      }
      if (!Boolean.TRUE.equals(v)) {
        out.add(violation(message(check)));
      }
    }
  }

  private void fail(List<Violation> out, String message) {
    if (template.failurePolicy() == CelSource.FailurePolicy.FAIL) {
      out.add(violation(message));
    }
  }

  private Violation violation(String message) {
    return new Violation(constraint, message, JsonNodeFactory.instance.objectNode());
  }

  private String message(CompiledCelTemplate.Check check) {
    CompiledCelTemplate.Expr me = check.messageExpression();
    if (me != null) {
      try {
        if (eval(me) instanceof String s) {
          String t = s.strip();
          if (!t.isEmpty()
              && t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_MESSAGE_BYTES
              && t.indexOf('\n') < 0
              && t.indexOf('\r') < 0) {
            return t;
          }
        }
      } catch (CelEvaluationException e) {
        // Kubernetes falls back to the static message when messageExpression fails.
      }
    }
    if (!check.message().isBlank()) {
      return check.message().strip();
    }
    return "failed expression: " + check.expression().source().strip();
  }

  private Object eval(CompiledCelTemplate.Expr e) throws CelEvaluationException {
    return e.program().trace(activation, budget);
  }

  /** The user-facing reason of an evaluation error (budget, variable, or CEL's own message). */
  static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CostBudget.Exceeded || t instanceof VariableFailed) {
        return t.getMessage() == null ? "" : t.getMessage();
      }
    }
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    return m.replaceFirst("^evaluation error at <input>:\\d+: ", "");
  }

  /** A template variable failed; carries the variable's name and reason. */
  static final class VariableFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    VariableFailed(String message) {
      super(message, null, false, false);
    }
  }

  /** The lazy {@code variables} map. */
  private final class Variables extends AbstractMap<String, Object> {
    private final Map<String, Object> memo = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    Variables(Object anyObject, Object parameters) {
      memo.put("anyObject", anyObject);
      memo.put("params", parameters);
    }

    @Override
    public boolean containsKey(Object key) {
      return memo.containsKey(key) || template.variables().containsKey(key);
    }

    @Override
    public @Nullable Object get(Object key) {
      Object v = memo.get(key);
      if (v != null || !(key instanceof String name)) {
        return v;
      }
      String failed = failures.get(name);
      if (failed != null) {
        throw new VariableFailed(failed);
      }
      CompiledCelTemplate.Expr e = template.variables().get(name);
      if (e == null) {
        return null;
      }
      if (!evaluating.add(name)) {
        throw new VariableFailed("variable \"" + name + "\" refers to itself");
      }
      try {
        v = eval(e);
        memo.put(name, v);
        return v;
      } catch (CelEvaluationException ex) {
        String m = "variable \"" + name + "\" failed: " + reason(ex);
        failures.put(name, m);
        throw new VariableFailed(m);
      } finally {
        evaluating.remove(name);
      }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("anyObject", memo.get("anyObject"));
      all.put("params", memo.get("params"));
      for (String name : template.variables().keySet()) {
        Object v = get(name);
        if (v != null) {
          all.put(name, v);
        }
      }
      return all.entrySet();
    }
  }
}
