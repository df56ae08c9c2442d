package dev.gatehouse.admission;

import dev.gatehouse.kube.KubeObject;
import java.util.List;

/**
 * The validated policies read from some input, plus the other objects of that input (objects to
 * review, Namespaces, inventory).
 */
public record PolicySet(
    List<ConstraintTemplate> templates, List<Constraint> constraints, List<KubeObject> others) {
  /** Copies the lists. */
  public PolicySet {
    templates = List.copyOf(templates);
    constraints = List.copyOf(constraints);
    others = List.copyOf(others);
  }
}
