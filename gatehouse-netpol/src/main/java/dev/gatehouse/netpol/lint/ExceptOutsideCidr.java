package dev.gatehouse.netpol.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.model.CiliumPolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NP006: an {@code except} entry of a NetworkPolicy {@code ipBlock} or a Cilium {@code
 * fromCIDRSet}/{@code toCIDRSet} that is not strictly inside its {@code cidr}.
 *
 * <p>Read from the objects as written, because the API server (and the engine) reject such a policy
 * as a whole: the parser reports the error and skips the policy, and this rule says what the entry
 * does wrong.
 */
final class ExceptOutsideCidr implements LintRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "NP006",
          "ipblock-except-outside-cidr",
          Severity.ERROR,
          "An ipBlock/CIDR-set except entry is not strictly inside its cidr.",
          "Kubernetes and Cilium reject a policy whose except lies outside its cidr (or equals"
              + " it), so the whole policy is not applied. Usually the except was meant for"
              + " another block or has a typo in an octet or prefix length. Make the except a"
              + " proper sub-range of the cidr, or drop it.");

  private static final List<String> CILIUM_SECTIONS =
      List.of("ingress", "ingressDeny", "egress", "egressDeny");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput in) {
    List<Finding> out = new ArrayList<>();
    for (KubeObject o : in.snapshot().others()) {
      if (o.kind().equals("NetworkPolicy") && o.apiGroup().equals("networking.k8s.io")) {
        JsonNode spec = o.body().path("spec");
        peers(o, spec.path("ingress"), "/spec/ingress", "from", "ipBlock", out);
        peers(o, spec.path("egress"), "/spec/egress", "to", "ipBlock", out);
      } else if (CiliumPolicyParser.handles(o)) {
        cilium(o, o.body().path("spec"), "/spec", out);
        JsonNode specs = o.body().path("specs");
        for (int k = 0; k < specs.size(); k++) {
          cilium(o, specs.get(k), "/specs/" + k, out);
        }
      }
    }
    return out;
  }

  private static void cilium(KubeObject o, JsonNode rule, String at, List<Finding> out) {
    for (String section : CILIUM_SECTIONS) {
      String field = section.startsWith("ingress") ? "fromCIDRSet" : "toCIDRSet";
      JsonNode list = rule.path(section);
      for (int i = 0; i < list.size(); i++) {
        JsonNode sets = list.get(i).path(field);
        for (int j = 0; j < sets.size(); j++) {
          block(o, sets.get(j), at + "/" + section + "/" + i + "/" + field + "/" + j, out);
        }
      }
    }
  }

  private static void peers(
      KubeObject o, JsonNode rules, String at, String field, String block, List<Finding> out) {
    for (int i = 0; i < rules.size(); i++) {
      JsonNode peers = rules.get(i).path(field);
      for (int j = 0; j < peers.size(); j++) {
        String ptr = at + "/" + i + "/" + field + "/" + j + "/" + block;
        block(o, peers.get(j).path(block), ptr, out);
      }
    }
  }

  private static void block(KubeObject o, JsonNode block, String at, List<Finding> out) {
    String cidrText = block.path("cidr").asText("");
    Optional<IpRange> cidr = IpRange.parseCidr(cidrText);
    JsonNode except = block.path("except");
    if (cidr.isEmpty() || !except.isArray()) {
      return;
    }
    for (int k = 0; k < except.size(); k++) {
      String text = except.get(k).asText("");
      Optional<IpRange> e = IpRange.parseCidr(text);
      if (e.isEmpty()) {
        continue;
      }
      String why;
      if (e.get().equals(cidr.get())) {
        why = "equals the cidr: the block would match nothing";
      } else if (cidr.get().contains(e.get())) {
        continue;
      } else if (e.get().v6() == cidr.get().v6() && e.get().contains(cidr.get())) {
        why = "contains the whole cidr: the block would match nothing";
      } else {
        why = "lies outside the cidr: it excludes nothing";
      }
      String ptr = at + "/except/" + k;
      out.add(
          new Finding(
              INFO,
              o.locate(ptr),
              o.displayName(),
              ptr,
              "except "
                  + text
                  + " of cidr "
                  + cidrText
                  + " "
                  + why
                  + "; the API server rejects the policy, so none of it applies",
              "make the except a sub-range of " + cidrText + " (or remove it)"));
    }
  }
}
