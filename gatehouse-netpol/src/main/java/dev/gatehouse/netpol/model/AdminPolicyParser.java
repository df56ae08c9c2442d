package dev.gatehouse.netpol.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.LabelSelector;
import dev.gatehouse.netpol.ir.Direction;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Parses and validates AdminNetworkPolicy and BaselineAdminNetworkPolicy objects
 * (policy.networking.k8s.io/v1alpha1).
 *
 * <p>Validation follows the CRDs' OpenAPI and CEL rules ({@code
 * kubernetes-sigs/network-policy-api:apis/v1alpha1}): {@code priority} 0..1000; the subject sets
 * exactly one of {@code namespaces}/{@code pods}; a BANP is named {@code default}. Everything the
 * API server would reject is an error and the object is skipped as a whole, as a NetworkPolicy is:
 * using part of it could allow or deny more than its author meant. Fields the API accepts but
 * Gatehouse cannot evaluate ({@code nodes} peers) are warnings and ignored. Rules, peers and ports
 * are parsed by {@link AdminRuleParser}; checks across objects are in {@link AdminPolicies}.
 */
public final class AdminPolicyParser {
  /** The highest (least important) priority the API accepts. */
  public static final int MAX_PRIORITY = 1000;

  private AdminPolicyParser() {}

  /** Parses one AdminNetworkPolicy; empty when invalid (the reasons go to {@code diagnostics}). */
  public static Optional<AdminNetworkPolicy> parseAdmin(KubeObject o, Diagnostics diagnostics) {
    ObjectProblems problems = new ObjectProblems(o, diagnostics);
    Optional<Spec> spec = spec(problems, false);
    OptionalInt priority = spec.isPresent() ? priority(o.body(), problems) : OptionalInt.empty();
    if (problems.failed() || spec.isEmpty() || priority.isEmpty()) {
      problems.reportSkipped();
      return Optional.empty();
    }
    Spec s = spec.get();
    return Optional.of(
        new AdminNetworkPolicy(o.name(), priority.getAsInt(), s.subject, s.ingress, s.egress, o));
  }

  /**
   * Parses one BaselineAdminNetworkPolicy; empty when invalid (the reasons go to {@code
   * diagnostics}).
   */
  public static Optional<BaselineAdminNetworkPolicy> parseBaseline(
      KubeObject o, Diagnostics diagnostics) {
    ObjectProblems problems = new ObjectProblems(o, diagnostics);
    if (!o.name().isEmpty() && !o.name().equals(BaselineAdminNetworkPolicy.SINGLETON_NAME)) {
      problems.error(
          "/metadata/name",
          "a BaselineAdminNetworkPolicy must be named \"default\" (it is a singleton)");
    }
    Optional<Spec> spec = spec(problems, true);
    if (problems.failed() || spec.isEmpty()) {
      problems.reportSkipped();
      return Optional.empty();
    }
    Spec s = spec.get();
    return Optional.of(new BaselineAdminNetworkPolicy(o.name(), s.subject, s.ingress, s.egress, o));
  }

  /** What both kinds share: subject and rules. */
  private record Spec(
      AdminNetworkPolicy.Subject subject,
      List<AdminNetworkPolicy.Rule> ingress,
      List<AdminNetworkPolicy.Rule> egress) {}

  private static Optional<Spec> spec(ObjectProblems problems, boolean baseline) {
    KubeObject o = problems.object();
    if (o.name().isEmpty()) {
      problems.error("/metadata", "no metadata.name");
    } else if (o.name().length() > 253) {
      problems.error("/metadata/name", "metadata.name is longer than 253 characters");
    }
    JsonNode spec = o.body().path("spec");
    if (!spec.isObject()) {
      problems.error("/spec", "no spec");
      return Optional.empty();
    }
    Optional<AdminNetworkPolicy.Subject> subject = subject(spec.path("subject"), problems);
    AdminRuleParser rules = new AdminRuleParser(problems, baseline);
    List<AdminNetworkPolicy.Rule> ingress = rules.rules(spec.path("ingress"), Direction.INGRESS);
    List<AdminNetworkPolicy.Rule> egress = rules.rules(spec.path("egress"), Direction.EGRESS);
    return subject.map(s -> new Spec(s, ingress, egress));
  }

  private static OptionalInt priority(JsonNode body, ObjectProblems problems) {
    JsonNode p = body.path("spec").path("priority");
    if (p.isMissingNode() || p.isNull()) {
      problems.error("/spec", "spec.priority is required");
      return OptionalInt.empty();
    }
    if (!p.isIntegralNumber() || !p.canConvertToInt()) {
      problems.error("/spec/priority", "priority " + p + " is not an integer");
      return OptionalInt.empty();
    }
    int v = p.intValue();
    if (v < 0 || v > MAX_PRIORITY) {
      problems.error(
          "/spec/priority", "priority " + v + " is outside 0-" + MAX_PRIORITY + " (lower wins)");
      return OptionalInt.empty();
    }
    return OptionalInt.of(v);
  }

  private static Optional<AdminNetworkPolicy.Subject> subject(
      JsonNode subject, ObjectProblems problems) {
    String at = "/spec/subject";
    if (!subject.isObject()) {
      problems.error(subject.isMissingNode() ? "/spec" : at, "spec.subject is required");
      return Optional.empty();
    }
    boolean namespaces = set(subject, "namespaces");
    boolean pods = set(subject, "pods");
    if (namespaces == pods) {
      problems.error(at, "subject must set exactly one of namespaces and pods");
      return Optional.empty();
    }
    return namespaces
        ? selector(subject.get("namespaces"), at + "/namespaces", problems)
            .map(ns -> new AdminNetworkPolicy.Subject(ns, LabelSelector.ALL))
        : namespacedPod(subject.get("pods"), at + "/pods", problems);
  }

  /** Whether {@code node} has a non-null field {@code name}. */
  static boolean set(JsonNode node, String name) {
    return node.has(name) && !node.get(name).isNull();
  }

  /** A label selector at {@code at}; empty (and the object failed) when invalid. */
  static Optional<LabelSelector> selector(JsonNode node, String at, ObjectProblems problems) {
    Optional<LabelSelector> s =
        LabelSelector.parse(node, problems.object(), at, problems.diagnostics());
    if (s.isEmpty()) {
      problems.fail();
    }
    return s;
  }

  /**
   * A {@code NamespacedPod} (subject or peer {@code pods}). The API requires both selectors, but
   * manifests in the wild omit them and netpol-analyzer reads a missing one as {@code {}}: so does
   * Gatehouse, with a warning.
   */
  static Optional<AdminNetworkPolicy.Subject> namespacedPod(
      JsonNode pods, String at, ObjectProblems problems) {
    if (!pods.isObject()) {
      problems.error(at, "pods must be an object with namespaceSelector and podSelector");
      return Optional.empty();
    }
    LabelSelector[] selectors = new LabelSelector[2];
    List<String> fields = List.of("namespaceSelector", "podSelector");
    for (int i = 0; i < 2; i++) {
      String field = fields.get(i);
      if (!set(pods, field)) {
        problems.warning(
            at, "pods." + field + " is missing (the API requires it); read as {} (all)");
        selectors[i] = LabelSelector.ALL;
      } else {
        Optional<LabelSelector> s = selector(pods.get(field), at + "/" + field, problems);
        if (s.isEmpty()) {
          return Optional.empty();
        }
        selectors[i] = s.get();
      }
    }
    return Optional.of(new AdminNetworkPolicy.Subject(selectors[0], selectors[1]));
  }
}
