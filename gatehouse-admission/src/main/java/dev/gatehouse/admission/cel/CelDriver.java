package dev.gatehouse.admission.cel;

import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.gatehouse.admission.CelSource;
import dev.gatehouse.admission.CompiledTemplate;
import dev.gatehouse.admission.Constraint;
import dev.gatehouse.admission.ConstraintTemplate;
import dev.gatehouse.admission.DriverReview;
import dev.gatehouse.admission.PolicyDriver;
import dev.gatehouse.admission.Violation;
import dev.gatehouse.kube.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The driver for {@code engine: K8sNativeValidation}: compiles a template's CEL once (programs are
 * also cached by expression text, so recompiling an unchanged template is cheap) and evaluates its
 * constraints with Gatekeeper's bindings, Kubernetes' message rules and a {@link CelLimits} budget.
 * Thread-safe.
 */
public final class CelDriver implements PolicyDriver {
  private static final int PROGRAM_CACHE_LIMIT = 8192;
  private static final Object INPUT_KEY = new Object();

  private final CelEnvironment environment;
  private final CelLimits limits;
  private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

  private CelDriver(CelLimits limits) {
    this.limits = limits;
    this.environment = new CelEnvironment(limits);
  }

  /** A driver with {@link CelLimits#DEFAULT}. */
  public static CelDriver create() {
    return new CelDriver(CelLimits.DEFAULT);
  }

  /** A driver with the given limits. */
  public static CelDriver create(CelLimits limits) {
    return new CelDriver(limits);
  }

  @Override
  public String engine() {
    return CelSource.ENGINE;
  }

  @Override
  public String shortName() {
    return "cel";
  }

  @Override
  public Optional<CompiledTemplate> compile(ConstraintTemplate template, Diagnostics diagnostics) {
    Optional<CelSource> cel = template.cel();
    if (cel.isEmpty()) {
      diagnostics.error(
          "bad-template",
          template.origin().location(),
          "ConstraintTemplate " + template.name() + " has no " + CelSource.ENGINE + " source");
      return Optional.empty();
    }
    CelSource src = cel.get();
    Compiler c = new Compiler(template, diagnostics);
    Map<String, CompiledCelTemplate.Expr> variables = new LinkedHashMap<>();
    for (CelSource.Variable v : src.variables()) {
      c.expr(v.expression(), v.pointer(), "variable " + v.name())
          .ifPresent(e -> variables.put(v.name(), e));
    }
    List<CompiledCelTemplate.Condition> conditions = new ArrayList<>();
    for (CelSource.MatchCondition m : src.matchConditions()) {
      c.expr(m.expression(), m.pointer(), "match condition " + m.name())
          .ifPresent(e -> conditions.add(new CompiledCelTemplate.Condition(m.name(), e)));
    }
    List<CompiledCelTemplate.Check> checks = new ArrayList<>();
    for (int i = 0; i < src.validations().size(); i++) {
      CelSource.Validation v = src.validations().get(i);
      String what = "validation " + (i + 1);
      Optional<CompiledCelTemplate.Expr> e = c.expr(v.expression(), v.pointer(), what);
      CompiledCelTemplate.@Nullable Expr me =
          v.messageExpression().isBlank()
              ? null
              : c.expr(v.messageExpression(), v.pointer(), what + " messageExpression")
                  .orElse(null);
      e.ifPresent(x -> checks.add(new CompiledCelTemplate.Check(x, v.message(), me)));
    }
    if (c.failed) {
      return Optional.empty();
    }
    return Optional.of(
        new CompiledCelTemplate(
            template, this, variables, conditions, checks, src.failurePolicy()));
  }

  @Override
  public List<Violation> review(
      CompiledTemplate template, List<Constraint> constraints, DriverReview review) {
    if (!(template instanceof CompiledCelTemplate t)) {
      throw new IllegalArgumentException(
          "template " + template.template().name() + " was not compiled by the CEL driver");
    }
    CelInput input = review.memo(INPUT_KEY, CelInput::of);
    List<Violation> out = new ArrayList<>();
    for (Constraint constraint : constraints) {
      new CelEvaluation(t, constraint, input, limits).run(out);
    }
    return out;
  }

  private CelRuntime.Program program(String expression)
      throws CelValidationException, CelEvaluationException {
    CelRuntime.Program p = programs.get(expression);
    if (p == null) {
      p = environment.program(environment.compile(expression));
      if (programs.size() >= PROGRAM_CACHE_LIMIT) {
        programs.clear();
      }
      programs.put(expression, p);
    }
    return p;
  }

  /** Compiles a template's expressions, reporting each failure at its location. */
  private final class Compiler {
    private final ConstraintTemplate template;
    private final Diagnostics diagnostics;
    private boolean failed;

    Compiler(ConstraintTemplate template, Diagnostics diagnostics) {
      this.template = template;
      this.diagnostics = diagnostics;
    }

    Optional<CompiledCelTemplate.Expr> expr(String expression, String pointer, String what) {
      try {
        return Optional.of(new CompiledCelTemplate.Expr(expression, program(expression)));
      } catch (CelValidationException e) {
        report(pointer, what, issues(e));
      } catch (CelEvaluationException e) {
        report(pointer, what, CelEvaluation.reason(e));
      }
      return Optional.empty();
    }

    private static String issues(CelValidationException e) {
      List<String> out = new ArrayList<>();
      for (var issue : e.getErrors()) {
        out.add(
            "column " + (issue.getSourceLocation().getColumn() + 1) + ": " + issue.getMessage());
      }
      return out.isEmpty() ? String.valueOf(e.getMessage()) : String.join("; ", out);
    }

    private void report(String pointer, String what, @Nullable String message) {
      failed = true;
      diagnostics.error(
          "cel-compile-error",
          template.origin().locate(pointer),
          "ConstraintTemplate " + template.name() + ": " + what + ": " + message);
    }
  }
}
