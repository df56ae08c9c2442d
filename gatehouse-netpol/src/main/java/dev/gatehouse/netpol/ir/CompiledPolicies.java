package dev.gatehouse.netpol.ir;

import java.util.List;

/** Every rule and isolation marker the input's policies compile into. */
public record CompiledPolicies(List<PolicyRule> rules, List<Isolation> isolations) {
  /** Copies the lists. */
  public CompiledPolicies {
    rules = List.copyOf(rules);
    isolations = List.copyOf(isolations);
  }
}
