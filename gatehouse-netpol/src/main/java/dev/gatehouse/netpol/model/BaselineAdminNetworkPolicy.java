package dev.gatehouse.netpol.model;

import dev.gatehouse.kube.KubeObject;
import java.util.List;

/**
 * A validated BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1): the cluster's single
 * policy (named {@code default}) consulted after NetworkPolicies, for subjects no NetworkPolicy
 * isolates. Its rules Allow or Deny (never Pass); the first matching rule decides.
 */
public record BaselineAdminNetworkPolicy(
    String name,
    AdminNetworkPolicy.Subject subject,
    List<AdminNetworkPolicy.Rule> ingress,
    List<AdminNetworkPolicy.Rule> egress,
    KubeObject source) {

  /** The only name the API accepts for a BaselineAdminNetworkPolicy. */
  public static final String SINGLETON_NAME = "default";

  /** Copies the lists. */
  public BaselineAdminNetworkPolicy {
    ingress = List.copyOf(ingress);
    egress = List.copyOf(egress);
  }
}
