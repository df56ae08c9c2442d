package dev.gatehouse.admission;

import java.util.List;

/**
 * The outcome of reviewing one request: every result (deny, warn and dryrun), and problems that
 * kept a constraint from being evaluated (for example a {@code namespaceSelector} on an object
 * whose Namespace is unknown).
 */
public record ReviewResult(AdmissionRequest request, List<Result> results, List<String> errors) {
  /** Copies the lists. */
  public ReviewResult {
    results = List.copyOf(results);
    errors = List.copyOf(errors);
  }

  /** Whether the request is admitted (no result with action deny). */
  public boolean allowed() {
    return results.stream().noneMatch(r -> r.action() == EnforcementAction.DENY);
  }

  /** The results with {@code action}. */
  public List<Result> withAction(EnforcementAction action) {
    return results.stream().filter(r -> r.action() == action).toList();
  }

  /**
   * The webhook's {@code status.message} when denied: the deny messages joined by newlines, as
   * Gatekeeper does.
   */
  public String denyMessage() {
    return String.join(
        "\n", withAction(EnforcementAction.DENY).stream().map(Result::gatekeeperMessage).toList());
  }
}
