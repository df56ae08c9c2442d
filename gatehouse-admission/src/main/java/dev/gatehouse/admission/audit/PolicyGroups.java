package dev.gatehouse.admission.audit;

import dev.gatehouse.admission.Constraint;
import dev.gatehouse.admission.azure.ConstraintAnnotations;
import dev.gatehouse.kube.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups constraints into policies: the constraints an Azure assignment deployed (by their {@code
 * gatehouse.dev/assignment} annotation, or the last segment of {@code azure-policy-assignment-id}
 * for constraints exported from a cluster) form one policy; any other constraint is a policy of its
 * own. Computes compliance per policy and per constraint.
 */
final class PolicyGroups {
  private final List<Constraint> constraints;
  private final String enforcementPoint;
  private final Map<String, PolicyInfo> infos = new TreeMap<>();

  PolicyGroups(List<Constraint> constraints, String enforcementPoint, List<PolicyInfo> declared) {
    this.constraints = constraints;
    this.enforcementPoint = enforcementPoint;
    declared.forEach(i -> infos.put(i.name(), i));
    for (Constraint c : constraints) {
      infos.computeIfAbsent(policyOf(c), n -> derived(c, n));
    }
  }

  /** The name of the policy {@code c} belongs to. */
  String policyOf(Constraint c) {
    Map<String, String> a = annotations(c);
    String name = a.get(ConstraintAnnotations.ASSIGNMENT);
    if (name != null && !name.isEmpty()) {
      return name;
    }
    String id = a.getOrDefault(ConstraintAnnotations.ASSIGNMENT_ID, "");
    return id.isEmpty() ? c.name() : id.substring(id.lastIndexOf('/') + 1);
  }

  /** The display name of the definition {@code c} was deployed for ("" for plain constraints). */
  String definitionOf(Constraint c) {
    return annotations(c).getOrDefault(ConstraintAnnotations.DEFINITION_DISPLAY_NAME, "");
  }

  /** The policy's description, if known. */
  PolicyInfo info(String policy) {
    PolicyInfo i = infos.get(policy);
    return i != null ? i : new PolicyInfo(policy, policy, "", "", "", "", List.of());
  }

  /** Compliance per policy (by name) over the audited resources. */
  List<PolicyCompliance> compliance(List<ResourceCompliance> resources) {
    List<PolicyCompliance> out = new ArrayList<>();
    for (PolicyInfo info : infos.values()) {
      Counts counts = Counts.ZERO;
      for (ResourceCompliance r : resources) {
        ComplianceState s = ComplianceState.NOT_APPLICABLE;
        for (RuleResult rr : r.results()) {
          if (rr.policy().equals(info.name())) {
            s = s.worst(rr.state());
          }
        }
        counts = counts.plus(s);
      }
      out.add(new PolicyCompliance(info, counts, rules(info.name(), resources)));
    }
    return out;
  }

  private List<RuleCompliance> rules(String policy, List<ResourceCompliance> resources) {
    List<RuleCompliance> out = new ArrayList<>();
    constraints.stream()
        .filter(c -> policyOf(c).equals(policy))
        .sorted(java.util.Comparator.comparing(Constraint::name))
        .forEach(
            c -> {
              Counts counts = Counts.ZERO;
              int violations = 0;
              for (ResourceCompliance r : resources) {
                for (RuleResult rr : r.results()) {
                  if (rr.constraint().equals(c.name())) {
                    counts = counts.plus(rr.state());
                    violations += rr.findings().size();
                  }
                }
              }
              out.add(
                  new RuleCompliance(
                      c.name(),
                      c.kind(),
                      definitionOf(c),
                      annotations(c)
                          .getOrDefault(ConstraintAnnotations.DEFINITION_REFERENCE_ID, ""),
                      Auditor.strongest(c, enforcementPoint),
                      counts,
                      violations));
            });
    return out;
  }

  private PolicyInfo derived(Constraint c, String name) {
    Map<String, String> a = annotations(c);
    if (name.equals(c.name())) {
      return new PolicyInfo(
          name,
          name,
          c.kind(),
          "",
          Auditor.strongest(c, enforcementPoint).wireName(),
          "",
          List.of());
    }
    Set<String> effects = new LinkedHashSet<>();
    for (Constraint x : constraints) {
      if (policyOf(x).equals(name)) {
        effects.add(annotations(x).getOrDefault(ConstraintAnnotations.EFFECT, ""));
      }
    }
    effects.remove("");
    String target =
        a.getOrDefault(
            ConstraintAnnotations.INITIATIVE_DISPLAY_NAME,
            a.getOrDefault(ConstraintAnnotations.DEFINITION_DISPLAY_NAME, ""));
    return new PolicyInfo(
        name,
        a.getOrDefault(ConstraintAnnotations.ASSIGNMENT_DISPLAY_NAME, name),
        "PolicyAssignment",
        target,
        String.join(",", effects),
        a.getOrDefault(ConstraintAnnotations.ENFORCEMENT_MODE, ""),
        List.of());
  }

  private static Map<String, String> annotations(Constraint c) {
    return KubeObject.stringMap(c.body().path("metadata").path("annotations"));
  }
}
