package dev.gatehouse.rego.internal.eval;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A node of the virtual document tree: packages are inner nodes, rule sets are leaves. Base data is
 * overlaid with it during evaluation.
 */
public final class DataNode {
  private final Map<String, DataNode> children = new TreeMap<>();
  private @Nullable RuleSet rules;

  /** The child for {@code name}, created when absent (compile time only). */
  public DataNode child(String name) {
    return children.computeIfAbsent(name, n -> new DataNode());
  }

  /** The child for {@code name}, or null. */
  public @Nullable DataNode get(String name) {
    return children.get(name);
  }

  /** The children by name. */
  public Map<String, DataNode> children() {
    return Collections.unmodifiableMap(children);
  }

  /** The rule set defined at this node, or null. */
  public @Nullable RuleSet rules() {
    return rules;
  }

  /** Defines the rule set at this node (compile time only). */
  public void setRules(RuleSet rs) {
    this.rules = rs;
  }
}
