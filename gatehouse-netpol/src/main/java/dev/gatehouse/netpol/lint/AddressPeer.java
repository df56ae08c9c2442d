package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.algebra.IpSet;
import dev.gatehouse.netpol.model.AdminNetworkPolicy;
import dev.gatehouse.netpol.model.CiliumPolicy;
import dev.gatehouse.netpol.model.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An address peer of any policy kind (NetworkPolicy {@code ipBlock}, admin {@code networks}, Cilium
 * CIDR), located, with the workloads of the input whose pod IPs it covers.
 *
 * @param text how the peer is written, e.g. {@code ipBlock 10.0.0.0/8 except 10.1.0.0/16}
 */
record AddressPeer(KubeObject object, String pointer, String text, IpSet addresses) {

  /** Whether the peer holds every IPv4 or every IPv6 address (a {@code /0} block). */
  boolean wholeFamily() {
    return addresses.containsRange(IpRange.ALL_V4) || addresses.containsRange(IpRange.ALL_V6);
  }

  /** The keys of the input's workloads having a pod IP inside the peer, sorted. */
  List<String> coveredWorkloads(LintInput in) {
    List<String> out = new ArrayList<>();
    for (Workload w : in.snapshot().workloads()) {
      for (String ip : w.podIps()) {
        Optional<IpRange> r = IpRange.parseAddressRange(ip);
        if (r.isPresent() && addresses.containsRange(r.get())) {
          out.add(w.key());
          break;
        }
      }
    }
    return out.stream().sorted().toList();
  }

  /** Every address peer of the input's policies (NetworkPolicy rules in force only). */
  static List<AddressPeer> all(LintInput in) {
    List<AddressPeer> out = new ArrayList<>();
    for (PolicyPeer pp : PolicyPeer.all(in)) {
      if (pp.peer() instanceof NetworkPolicy.IpBlockPeer b) {
        String text =
            "ipBlock "
                + b.cidr()
                + (b.except().isEmpty() ? "" : " except " + String.join(", ", b.except()));
        out.add(
            new AddressPeer(pp.policy().source(), pp.pointer() + "/ipBlock", text, b.addresses()));
      }
    }
    for (AdminNetworkPolicy p : in.adminPolicies()) {
      admin(p.source(), p.egress(), out);
    }
    in.baselinePolicies().forEach(b -> admin(b.source(), b.egress(), out));
    for (CiliumPolicy p : in.ciliumPolicies()) {
      for (CiliumPolicy.Rule r : p.rules()) {
        for (List<CiliumPolicy.Section> list :
            List.of(r.ingress(), r.ingressDeny(), r.egress(), r.egressDeny())) {
          for (CiliumPolicy.Section s : list) {
            for (CiliumPolicy.Peer peer : s.peers()) {
              if (peer instanceof CiliumPolicy.CidrPeer c) {
                out.add(
                    new AddressPeer(p.source(), s.pointer(), "CIDR " + c.text(), c.addresses()));
              }
            }
          }
        }
      }
    }
    return out;
  }

  private static void admin(
      KubeObject o, List<AdminNetworkPolicy.Rule> rules, List<AddressPeer> out) {
    for (AdminNetworkPolicy.Rule r : rules) {
      for (AdminNetworkPolicy.Peer peer : r.peers()) {
        if (peer instanceof AdminNetworkPolicy.NetworkPeer n) {
          out.add(
              new AddressPeer(
                  o, r.pointer(), "networks " + String.join(", ", n.cidrs()), n.addresses()));
        }
      }
    }
  }
}
