package dev.gatehouse.admission;

import dev.gatehouse.kube.Diagnostics;
import java.util.List;
import java.util.Optional;

/**
 * A policy language: compiles the templates written in it and reviews requests against their
 * constraints. Implementations are thread-safe; compiled templates are immutable and cached by the
 * {@link PolicySnapshot} that owns them.
 *
 * <p>The CEL driver ({@code dev.gatehouse.admission.cel.CelDriver}) runs {@code
 * K8sNativeValidation}; a Rego driver implements this interface for {@code Rego} sources: {@link
 * #compile} parses {@link ConstraintTemplate#rego()} (module + libs), and {@link #review} evaluates
 * {@code data.template.violation} once per constraint with {@code input = {"review":
 * review.gatekeeperReview(), "parameters": constraint.parameters() or {}}} and {@code
 * data.inventory = review.inventory().data()}, turning each {@code {msg, details}} into a {@link
 * Violation}.
 */
public interface PolicyDriver {
  /** The engine name this driver runs, as written in {@code code[].engine}. */
  String engine();

  /** The short name users pick with {@code --engine} ({@code cel}, {@code rego}). */
  String shortName();

  /**
   * Compiles {@code template}'s source for this engine. Problems are reported to {@code
   * diagnostics} at the template's location and the result is empty; never throws for bad input.
   */
  Optional<CompiledTemplate> compile(ConstraintTemplate template, Diagnostics diagnostics);

  /**
   * Reviews one request against {@code constraints}, all of {@code template}'s kind and all already
   * matched (by {@code spec.match}) and applicable at the enforcement point.
   *
   * @return the violations, in constraint order; evaluation errors are returned as violations
   *     (Gatekeeper's behaviour) unless the template says to ignore them
   */
  List<Violation> review(
      CompiledTemplate template, List<Constraint> constraints, DriverReview review);
}
