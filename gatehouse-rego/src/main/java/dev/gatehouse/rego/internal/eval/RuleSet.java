package dev.gatehouse.rego.internal.eval;

import dev.gatehouse.rego.Location;
import dev.gatehouse.rego.internal.ast.Rule;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * All definitions of one rule path, e.g. every {@code violation[...]} rule of a package. Created by
 * the compiler's indexing stage and completed by its planning stage; immutable once compiled.
 */
public final class RuleSet {
  private final String path;
  private final List<String> segments;
  private final Rule.Kind kind;
  private final int arity;
  private final int index;
  private final Location loc;
  private List<CompiledRule> rules = List.of();
  private @Nullable CompiledRule defaultRule;

  /** A rule set to be completed by {@link #complete}. */
  public RuleSet(List<String> segments, Rule.Kind kind, int arity, int index, Location loc) {
    this.segments = List.copyOf(segments);
    this.path = "data." + String.join(".", segments);
    this.kind = kind;
    this.arity = arity;
    this.index = index;
    this.loc = loc;
  }

  /** Sets the planned definitions (once, by the compiler). */
  public void complete(List<CompiledRule> definitions, @Nullable CompiledRule defaultDefinition) {
    this.rules = List.copyOf(definitions);
    this.defaultRule = defaultDefinition;
  }

  /** The full path, e.g. {@code data.k8s.violation}. */
  public String path() {
    return path;
  }

  /** The path below {@code data}. */
  public List<String> segments() {
    return segments;
  }

  /** The kind shared by all definitions. */
  public Rule.Kind kind() {
    return kind;
  }

  /** The number of parameters of a function (0 otherwise). */
  public int arity() {
    return arity;
  }

  /** The position of this rule set's cached value in an evaluation. */
  int index() {
    return index;
  }

  /** The location of the first definition. */
  public Location loc() {
    return loc;
  }

  List<CompiledRule> rules() {
    return rules;
  }

  @Nullable CompiledRule defaultRule() {
    return defaultRule;
  }

  @Override
  public String toString() {
    return path;
  }
}
