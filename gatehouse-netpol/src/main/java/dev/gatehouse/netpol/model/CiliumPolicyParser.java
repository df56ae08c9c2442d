package dev.gatehouse.netpol.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.netpol.ir.EndpointSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses and validates CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy objects.
 *
 * <p>Validation follows Cilium's {@code Rule.Sanitize} ({@code
 * cilium/cilium:pkg/policy/api/rule_validation.go}): a rule has an {@code endpointSelector} or a
 * {@code nodeSelector} (host policies, which the analysis does not model: such rules are ignored
 * with a warning); one rule entry names at most one kind of L3 peer ("Combining FromEndpoints and
 * FromCIDR is not supported yet"); entities must be known; CIDR {@code except} entries lie inside
 * their {@code cidr}; {@code toServices} cannot have {@code toPorts}; ICMP rules cannot have {@code
 * toPorts}. {@code enableDefaultDeny} of each direction defaults to whether the rule has allow or
 * deny entries for it. An invalid policy is reported at the offending field and skipped as a whole,
 * as Cilium rejects it as a whole.
 */
public final class CiliumPolicyParser {
  /** The namespaced kind. */
  public static final String CNP = "CiliumNetworkPolicy";

  /** The clusterwide kind. */
  public static final String CCNP = "CiliumClusterwideNetworkPolicy";

  private CiliumPolicyParser() {}

  /** Whether {@code o} is a Cilium policy this parser reads. */
  public static boolean handles(KubeObject o) {
    return (o.kind().equals(CNP) || o.kind().equals(CCNP)) && o.apiGroup().equals("cilium.io");
  }

  /** Parses one policy; empty when invalid (the reasons go to {@code diagnostics}). */
  public static Optional<CiliumPolicy> parse(KubeObject o, Diagnostics diagnostics) {
    ObjectProblems problems = new ObjectProblems(o, diagnostics);
    boolean clusterwide = o.kind().equals(CCNP);
    String ns = clusterwide ? "" : o.namespaceOrDefault();
    if (o.name().isEmpty()) {
      problems.error("", o.kind() + " without metadata.name");
    }
    JsonNode spec = o.body().path("spec");
    JsonNode specs = o.body().path("specs");
    if (!spec.isObject() && !(specs.isArray() && !specs.isEmpty())) {
      problems.error("", o.kind() + " without spec or specs");
    }
    List<CiliumPolicy.Rule> rules = new ArrayList<>();
    if (spec.isObject()) {
      rule(spec, "/spec", "", ns, problems).ifPresent(rules::add);
    }
    for (int i = 0; i < specs.size(); i++) {
      rule(specs.get(i), "/specs/" + i, "specs[" + i + "] ", ns, problems).ifPresent(rules::add);
    }
    if (problems.failed()) {
      problems.reportSkipped();
      return Optional.empty();
    }
    return Optional.of(new CiliumPolicy(clusterwide, ns, o.name(), rules, o));
  }

  private static Optional<CiliumPolicy.Rule> rule(
      JsonNode r, String at, String label, String ns, ObjectProblems problems) {
    boolean hasEndpoints = r.hasNonNull("endpointSelector");
    boolean hasNodes = r.hasNonNull("nodeSelector");
    if (hasEndpoints == hasNodes) {
      problems.error(
          at,
          hasNodes
              ? "rule cannot have both endpointSelector and nodeSelector"
              : "rule must have one of endpointSelector or nodeSelector");
      return Optional.empty();
    }
    if (hasNodes) {
      problems.warning(
          at + "/nodeSelector", "host policies (nodeSelector) are not analysed; rule ignored");
      return Optional.empty();
    }
    Optional<EndpointSelector> subject =
        CiliumSelectors.subject(r.get("endpointSelector"), at + "/endpointSelector", ns, problems);
    CiliumSections sections = new CiliumSections(ns, problems);
    List<CiliumPolicy.Section> ingress =
        sections.list(r.path("ingress"), at + "/ingress", true, false);
    List<CiliumPolicy.Section> ingressDeny =
        sections.list(r.path("ingressDeny"), at + "/ingressDeny", true, true);
    List<CiliumPolicy.Section> egress =
        sections.list(r.path("egress"), at + "/egress", false, false);
    List<CiliumPolicy.Section> egressDeny =
        sections.list(r.path("egressDeny"), at + "/egressDeny", false, true);
    boolean denyIngress =
        defaultDeny(
            r,
            at,
            "ingress",
            r.path("ingress").size() + r.path("ingressDeny").size() > 0,
            problems);
    boolean denyEgress =
        defaultDeny(
            r, at, "egress", r.path("egress").size() + r.path("egressDeny").size() > 0, problems);
    if (subject.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new CiliumPolicy.Rule(
            label,
            at,
            subject.get(),
            ingress,
            ingressDeny,
            egress,
            egressDeny,
            denyIngress,
            denyEgress));
  }

  private static boolean defaultDeny(
      JsonNode r, String at, String direction, boolean hasRules, ObjectProblems problems) {
    JsonNode v = r.path("enableDefaultDeny").path(direction);
    if (v.isMissingNode() || v.isNull()) {
      return hasRules;
    }
    if (!v.isBoolean()) {
      problems.error(
          at + "/enableDefaultDeny/" + direction,
          "enableDefaultDeny." + direction + " must be true or false");
      return hasRules;
    }
    return v.asBoolean();
  }
}
