package dev.gatehouse.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.KubeObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A validated constraint ({@code constraints.gatekeeper.sh} v1beta1/v1/v1alpha1): an instance of a
 * template's kind with a match, parameters, and its enforcement.
 *
 * @param kind the constraint kind (a template's {@code spec.crd.spec.names.kind})
 * @param name {@code metadata.name}; messages read {@code [name] msg}
 * @param match {@code spec.match}
 * @param parameters {@code spec.parameters}, validated against the template's schema (a MissingNode
 *     when absent)
 * @param enforcementAction {@code spec.enforcementAction} (default deny); ignored when scoped
 * @param scoped whether {@code enforcementAction: scoped}
 * @param scopedActions {@code spec.scopedEnforcementActions}, used only when scoped
 * @param origin the object it was read from; its body is CEL's {@code params}
 */
public record Constraint(
    String kind,
    String name,
    Match match,
    JsonNode parameters,
    EnforcementAction enforcementAction,
    boolean scoped,
    List<ScopedEnforcementAction> scopedActions,
    KubeObject origin) {

  /** Copies the list. */
  public Constraint {
    scopedActions = List.copyOf(scopedActions);
  }

  /** The whole constraint object (CEL's {@code params}). */
  public ObjectNode body() {
    return origin.body();
  }

  /**
   * The actions this constraint takes at {@code enforcementPoint}: its {@code enforcementAction},
   * or, when scoped, every scoped action listing that point or {@code "*"} (possibly none, in which
   * case the constraint does not apply at that point).
   */
  public Set<EnforcementAction> actionsAt(String enforcementPoint) {
    if (!scoped) {
      return EnumSet.of(enforcementAction);
    }
    Set<EnforcementAction> out = EnumSet.noneOf(EnforcementAction.class);
    for (ScopedEnforcementAction s : scopedActions) {
      if (s.appliesAt(enforcementPoint)) {
        out.add(s.action());
      }
    }
    return out;
  }
}
