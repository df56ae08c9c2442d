package dev.gatehouse.admission;

import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns loaded objects into a validated {@link PolicySet}: ConstraintTemplates ({@code
 * templates.gatekeeper.sh}), Constraints ({@code constraints.gatekeeper.sh}, validated against
 * their template's parameter schema) and everything else.
 *
 * <p>Bad objects are reported to the diagnostics with their location and left out; the rest is
 * still used. Codes: {@code bad-template}, {@code duplicate-template}, {@code bad-constraint},
 * {@code unknown-constraint-kind}, {@code bad-parameters}, {@code unknown-parameter}.
 */
public final class PolicyLoader {
  /** The API group of ConstraintTemplates. */
  public static final String TEMPLATES_GROUP = "templates.gatekeeper.sh";

  /** The API group of constraints. */
  public static final String CONSTRAINTS_GROUP = "constraints.gatekeeper.sh";

  private PolicyLoader() {}

  /** Whether {@code obj} is a ConstraintTemplate. */
  public static boolean isTemplate(KubeObject obj) {
    return obj.apiGroup().equals(TEMPLATES_GROUP) && obj.kind().equals("ConstraintTemplate");
  }

  /** Whether {@code obj} is a constraint (of any kind). */
  public static boolean isConstraint(KubeObject obj) {
    return obj.apiGroup().equals(CONSTRAINTS_GROUP);
  }

  /** Reads templates first, then constraints against them; other objects pass through. */
  public static PolicySet load(List<KubeObject> objects, Diagnostics diagnostics) {
    Map<String, ConstraintTemplate> byKind = new LinkedHashMap<>();
    List<KubeObject> others = new ArrayList<>();
    for (KubeObject obj : objects) {
      if (isTemplate(obj)) {
        TemplateReader.read(obj, diagnostics).ifPresent(t -> addTemplate(byKind, t, diagnostics));
      } else if (!isConstraint(obj)) {
        others.add(obj);
      }
    }
    List<Constraint> constraints = new ArrayList<>();
    for (KubeObject obj : objects) {
      if (isConstraint(obj)) {
        ConstraintTemplate t = byKind.get(obj.kind());
        if (t == null) {
          diagnostics.error(
              "unknown-constraint-kind",
              obj.location(),
              obj.displayName() + ": no ConstraintTemplate defines kind " + obj.kind());
          continue;
        }
        ConstraintReader.read(obj, t, diagnostics).ifPresent(constraints::add);
      }
    }
    return new PolicySet(List.copyOf(byKind.values()), constraints, others);
  }

  private static void addTemplate(
      Map<String, ConstraintTemplate> byKind, ConstraintTemplate t, Diagnostics diagnostics) {
    ConstraintTemplate previous = byKind.putIfAbsent(t.kind(), t);
    if (previous != null) {
      diagnostics.error(
          "duplicate-template",
          t.origin().location(),
          "ConstraintTemplate "
              + t.name()
              + ": kind "
              + t.kind()
              + " is already defined at "
              + previous.origin().location()
              + "; ignored");
    }
  }
}
