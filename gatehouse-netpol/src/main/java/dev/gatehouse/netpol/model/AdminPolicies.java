package dev.gatehouse.netpol.model;

import dev.gatehouse.kube.Diagnostics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The admin policies of one cluster after the checks that span objects: names are unique (both
 * kinds are cluster-scoped), no two AdminNetworkPolicies share a priority (the API leaves their
 * order undefined; netpol-analyzer refuses such input), and there is at most one
 * BaselineAdminNetworkPolicy. In each conflict the object that comes later in the input is reported
 * with the location of the earlier one and skipped; the earlier one stays in force.
 *
 * @param admin accepted AdminNetworkPolicies, in input order
 * @param baseline the accepted BaselineAdminNetworkPolicy, if any
 */
public record AdminPolicies(
    List<AdminNetworkPolicy> admin, Optional<BaselineAdminNetworkPolicy> baseline) {

  /** No admin policy. */
  public static final AdminPolicies NONE = new AdminPolicies(List.of(), Optional.empty());

  /** Copies the list. */
  public AdminPolicies {
    admin = List.copyOf(admin);
  }

  /** Checks the parsed policies against each other (see the class comment). */
  public static AdminPolicies of(
      List<AdminNetworkPolicy> admin,
      List<BaselineAdminNetworkPolicy> baselines,
      Diagnostics diagnostics) {
    List<AdminNetworkPolicy> accepted = new ArrayList<>();
    Map<Integer, AdminNetworkPolicy> byPriority = new HashMap<>();
    Set<String> names = new HashSet<>();
    for (AdminNetworkPolicy p : admin) {
      AdminNetworkPolicy same = byPriority.get(p.priority());
      if (!names.add(p.name())) {
        conflict(diagnostics, p, "/metadata/name", "another AdminNetworkPolicy has this name");
      } else if (same != null) {
        conflict(
            diagnostics,
            p,
            "/spec/priority",
            "priority "
                + p.priority()
                + " is already used by "
                + same.source().displayName()
                + " ("
                + same.source().locate("/spec/priority")
                + "); the order of two policies with one priority is undefined");
      } else {
        byPriority.put(p.priority(), p);
        accepted.add(p);
      }
    }
    Optional<BaselineAdminNetworkPolicy> baseline = Optional.empty();
    for (BaselineAdminNetworkPolicy b : baselines) {
      if (baseline.isPresent()) {
        diagnostics.error(
            "duplicate-policy",
            b.source().location(),
            b.source().displayName()
                + ": there can be only one BaselineAdminNetworkPolicy, and "
                + baseline.get().source().location()
                + " already defines it; skipped");
      } else {
        baseline = Optional.of(b);
      }
    }
    return new AdminPolicies(accepted, baseline);
  }

  private static void conflict(
      Diagnostics diagnostics, AdminNetworkPolicy p, String pointer, String why) {
    diagnostics.error(
        "duplicate-policy",
        p.source().locate(pointer),
        p.source().displayName() + ": " + why + "; skipped");
  }
}
