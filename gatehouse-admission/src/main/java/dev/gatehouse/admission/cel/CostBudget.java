package dev.gatehouse.admission.cel;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;

/**
 * Counts evaluation steps of one constraint evaluation and aborts it when the budget or the
 * deadline is exhausted (by throwing {@link Exceeded} from the listener, which cel-java wraps). Not
 * thread-safe: one per evaluation.
 */
final class CostBudget implements CelEvaluationListener {
  private final long limit;
  private final long deadlineNanos;
  private long spent;

  CostBudget(CelLimits limits) {
    this.limit = limits.costBudget();
    this.deadlineNanos = System.nanoTime() + limits.timeout().toNanos();
  }

  @Override
  public void callback(CelExpr expr, Object value) {
    spent++;
    if (spent > limit) {
      throw new Exceeded("cost limit exceeded: more than " + limit + " evaluation steps");
    }
    if ((spent & 1023) == 0 && System.nanoTime() - deadlineNanos > 0) {
      throw new Exceeded("evaluation timed out after " + spent + " evaluation steps");
    }
  }

  long spent() {
    return spent;
  }

  /** The evaluation ran out of budget. */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded(String message) {
      super(message, null, false, false);
    }
  }
}
