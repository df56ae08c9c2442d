package dev.gatehouse.netpol.ir;

import dev.gatehouse.kube.LabelSelector;

/** Which namespaces an {@link EndpointSelector} looks in. */
public sealed interface NamespaceMatch {
  /** Exactly the namespace {@code name} (a NetworkPolicy's own namespace). */
  record Named(String name) implements NamespaceMatch {}

  /** Namespaces whose labels match {@code selector} ({@code ALL} for every namespace). */
  record Selected(LabelSelector selector) implements NamespaceMatch {}

  /** Every namespace. */
  NamespaceMatch ANY = new Selected(LabelSelector.ALL);
}
