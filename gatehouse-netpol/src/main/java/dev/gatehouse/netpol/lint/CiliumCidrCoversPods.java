package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.engine.EngineProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * NP015: under the Cilium profile, an address peer (ipBlock, networks, toCIDR/fromCIDR/CIDR set)
 * that covers pod IPs of the input, including {@code 0.0.0.0/0}: Cilium gives pods label-based
 * identities that CIDR rules never select, so the rule does not match those pods.
 */
final class CiliumCidrCoversPods implements LintRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "NP015",
          "cilium-cidr-selects-pods",
          Severity.WARNING,
          "Under Cilium, a CIDR rule covers pod IPs but will not match those pods.",
          "Cilium identifies pods by labels, and CIDR-based selectors (ipBlock, toCIDR, fromCIDR,"
              + " CIDR sets, even 0.0.0.0/0) only match addresses outside the cluster"
              + " (cilium/cilium#19601). A CIDR rule meant to reach pods therefore allows or"
              + " denies nothing for them. Select the pods with podSelector/toEndpoints, or use"
              + " toEntities: cluster.",
          Set.of(EngineProfile.CILIUM),
          Set.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput in) {
    List<Finding> out = new ArrayList<>();
    for (AddressPeer p : AddressPeer.all(in)) {
      List<String> covered = p.coveredWorkloads(in);
      if (covered.isEmpty()) {
        continue;
      }
      out.add(
          new Finding(
              INFO,
              p.object().locate(p.pointer()),
              p.object().displayName(),
              p.pointer(),
              p.text()
                  + " covers the pod IPs of "
                  + Text.list(covered)
                  + ", but Cilium never matches pods with CIDR rules: the rule does not apply to"
                  + " them",
              "select the pods with podSelector/namespaceSelector (toEndpoints/fromEndpoints), or"
                  + " use toEntities/fromEntities: cluster"));
    }
    return out;
  }
}
