package dev.gatehouse.netpol.engine;

import java.util.Locale;
import java.util.Optional;

/**
 * Where network-policy implementations disagree, which one the engine follows.
 *
 * <p>Today the profiles differ in one point: whether an address rule (a NetworkPolicy {@code
 * ipBlock}, an ANP {@code networks} entry, a Cilium CIDR) matches pods whose IPs lie inside it.
 * Kubernetes leaves this open ({@code ipBlock} "should be cluster-external IPs"); Azure NPM matches
 * the packet's address against {@code hash:net} ipsets and Calico matches pod IPs
 * (projectcalico/calico#6634), so for them it does; Cilium gives pods label-based identities that
 * CIDR rules never select (cilium/cilium#19601, "CIDR-based selectors do not match in-cluster
 * entities"); netpol-analyzer, whose outputs are the conformance data, never matches pods.
 */
public enum EngineProfile {
  /** The conformance data's behaviour (netpol-analyzer): address rules never match pods. */
  DEFAULT("default", false),
  /** Cilium: address rules never match pods. */
  CILIUM("cilium", false),
  /** Azure Network Policy Manager: address rules match pods by their IPs. */
  AZURE_NPM("azure-npm", true),
  /** Calico: address rules match pods by their IPs. */
  CALICO("calico", true);

  private final String flag;
  private final boolean cidrMatchesPodIps;

  EngineProfile(String flag, boolean cidrMatchesPodIps) {
    this.flag = flag;
    this.cidrMatchesPodIps = cidrMatchesPodIps;
  }

  /** The name used on the command line, e.g. {@code azure-npm}. */
  public String flag() {
    return flag;
  }

  /** Whether an address rule matches a workload whose pod IPs all lie inside its addresses. */
  public boolean cidrMatchesPodIps() {
    return cidrMatchesPodIps;
  }

  /**
   * The profile named {@code s} ({@code default}, {@code cilium}, {@code azure-npm}, {@code
   * calico}).
   */
  public static Optional<EngineProfile> parse(String s) {
    String v = s.toLowerCase(Locale.ROOT);
    for (EngineProfile p : values()) {
      if (p.flag.equals(v)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
