package dev.gatehouse.admission.rego;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.admission.CompiledTemplate;
import dev.gatehouse.admission.Constraint;
import dev.gatehouse.admission.ConstraintTemplate;
import dev.gatehouse.admission.DriverReview;
import dev.gatehouse.admission.Inventory;
import dev.gatehouse.admission.PolicyDriver;
import dev.gatehouse.admission.RegoSource;
import dev.gatehouse.admission.Violation;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.rego.EvalOptions;
import dev.gatehouse.rego.ObjectValue;
import dev.gatehouse.rego.RegoException;
import dev.gatehouse.rego.ResultSet;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.Value;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The driver for {@code engine: Rego} (and the legacy {@code rego} + {@code libs}): compiles each
 * template once into its own {@code CompiledPolicy} (packages rewritten by {@link
 * TemplateRewriter}) and evaluates {@code data.template.violation} per constraint with {@code input
 * = {"review": ..., "parameters": ...}} and {@code data.inventory}. Thread-safe.
 *
 * <p>Per request, the review is converted to a Rego value once ({@link DriverReview#memo}) and
 * shared by every template and constraint; the inventory is converted once per {@link Inventory}
 * object (audits reuse one inventory for many reviews). Results follow Gatekeeper's hook module
 * ({@link HookResults}).
 */
public final class RegoDriver implements PolicyDriver {
  /**
   * Ten million steps and two seconds per constraint evaluation, lenient builtin errors
   * (Gatekeeper's): far above what the library templates need, and under the webhook's 3-second
   * timeout. A runaway evaluation ends with {@code eval_cancel_error}, reported as a result.
   */
  public static final EvalOptions DEFAULT_LIMITS =
      new EvalOptions(10_000_000L, Duration.ofSeconds(2), false);

  private static final Object REVIEW_KEY = new Object();
  private static final Object DATA_KEY = new Object();

  private record InventoryData(Inventory inventory, Value data) {}

  private final EvalOptions limits;
  private volatile InventoryData lastInventory;

  private RegoDriver(EvalOptions limits) {
    this.limits = limits;
    this.lastInventory = new InventoryData(Inventory.empty(), dataOf(Inventory.empty().data()));
  }

  /** A driver with {@link #DEFAULT_LIMITS}. */
  public static RegoDriver create() {
    return new RegoDriver(DEFAULT_LIMITS);
  }

  /** A driver whose evaluations have the given step limit, timeout and builtin-error mode. */
  public static RegoDriver create(EvalOptions limits) {
    return new RegoDriver(limits);
  }

  @Override
  public String engine() {
    return RegoSource.ENGINE;
  }

  @Override
  public String shortName() {
    return "rego";
  }

  @Override
  public Optional<CompiledTemplate> compile(ConstraintTemplate template, Diagnostics diagnostics) {
    Optional<RegoSource> rego = template.rego();
    if (rego.isEmpty()) {
      diagnostics.error(
          "bad-template",
          template.origin().location(),
          "ConstraintTemplate " + template.name() + " has no " + RegoSource.ENGINE + " source");
      return Optional.empty();
    }
    return RegoTemplateCompiler.compile(template, rego.get(), diagnostics)
        .map(policy -> new CompiledRegoTemplate(template, this, policy));
  }

  @Override
  public List<Violation> review(
      CompiledTemplate template, List<Constraint> constraints, DriverReview review) {
    if (!(template instanceof CompiledRegoTemplate t)) {
      throw new IllegalArgumentException(
          "template " + template.template().name() + " was not compiled by the Rego driver");
    }
    Value gatekeeperReview = review.memo(REVIEW_KEY, r -> RegoValues.of(r.gatekeeperReview()));
    Value data = review.memo(DATA_KEY, r -> inventoryData(r.inventory()));
    HookResults results = new HookResults();
    for (Constraint constraint : constraints) {
      TreeMap<Value, Value> input = new TreeMap<>();
      input.put(new StringValue("review"), gatekeeperReview);
      input.put(new StringValue("parameters"), t.parametersOf(constraint));
      try {
        ResultSet rs = t.violations().eval(new ObjectValue(input), data, limits);
        if (!rs.isEmpty()) {
          results.add(constraint, rs.results().getFirst().expressions().getFirst().value());
        }
      } catch (RegoException | HookResults.BadMessageException e) {
        return HookResults.errors(constraints, String.valueOf(e.getMessage()));
      }
    }
    return results.violations();
  }

  /** {@code data} for {@code inventory}, converted once per inventory object. */
  @SuppressWarnings("ReferenceEquality")
  private Value inventoryData(Inventory inventory) {
    InventoryData last = lastInventory;
    if (last.inventory() != inventory) {
      last = new InventoryData(inventory, dataOf(inventory.data()));
      lastInventory = last;
    }
    return last.data();
  }

  private static Value dataOf(JsonNode inventory) {
    return ObjectValue.ofStrings(Map.of("inventory", RegoValues.of(inventory)));
  }
}
