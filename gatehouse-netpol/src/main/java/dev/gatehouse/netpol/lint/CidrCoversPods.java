package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.engine.EngineProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * NP007: an address peer that covers the pod IPs ({@code status.podIPs}) of workloads in the input,
 * under the profiles other than Cilium (which has its own rule, NP015). Blocks holding a whole
 * address family ({@code 0.0.0.0/0}, {@code ::/0}) are read as "everywhere" on purpose and not
 * reported.
 */
final class CidrCoversPods implements LintRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "NP007",
          "ipblock-covers-pod-ips",
          Severity.WARNING,
          "An ipBlock/CIDR peer covers the IPs of pods in the input.",
          "Kubernetes meant ipBlock for cluster-external addresses; whether it matches pods by IP"
              + " depends on the network plugin (Calico and Azure NPM: yes; Cilium: no), and pod"
              + " IPs change whenever pods are recreated. Select pods with podSelector and"
              + " namespaceSelector instead, and keep ipBlock for addresses outside the cluster"
              + " (add the pod CIDR to except).",
          Set.of(EngineProfile.DEFAULT, EngineProfile.AZURE_NPM, EngineProfile.CALICO),
          Set.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput in) {
    List<Finding> out = new ArrayList<>();
    for (AddressPeer p : AddressPeer.all(in)) {
      if (p.wholeFamily()) {
        continue;
      }
      List<String> covered = p.coveredWorkloads(in);
      if (covered.isEmpty()) {
        continue;
      }
      String effect =
          in.profile().cidrMatchesPodIps()
              ? "under " + in.profile().flag() + " it matches them by their current IPs"
              : "whether it matches them depends on the network plugin (Calico and Azure NPM do;"
                  + " Cilium and the default profile do not)";
      out.add(
          new Finding(
              INFO,
              p.object().locate(p.pointer()),
              p.object().displayName(),
              p.pointer(),
              p.text() + " covers the pod IPs of " + Text.list(covered) + ": " + effect,
              "select these pods with podSelector/namespaceSelector, and except the pod CIDR from"
                  + " the block"));
    }
    return out;
  }
}
