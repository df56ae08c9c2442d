package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.LabelSelector;
import dev.gatehouse.kube.Namespace;
import dev.gatehouse.netpol.ir.EndpointSelector;
import dev.gatehouse.netpol.ir.NamespaceMatch;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Whether a selector selects nothing in the input, judged only where the input can tell: a
 * namespace selector that matches no namespace is judged only when the input defines Namespace
 * objects (otherwise namespace labels are unknown); a pod selector that matches no pod is judged
 * only in namespaces where the input has workloads.
 */
final class Selection {
  private Selection() {}

  /**
   * Why {@code selector} selects nothing, or empty when it selects something or the input cannot
   * tell.
   */
  static Optional<String> whyEmpty(LintInput in, EndpointSelector selector) {
    if (!in.select(selector).isEmpty()) {
      return Optional.empty();
    }
    List<String> namespaces = namespaces(in, selector.namespaces());
    if (namespaces.isEmpty()) {
      if (selector.namespaces() instanceof NamespaceMatch.Selected s && in.namespacesDefined()) {
        return Optional.of(
            "no namespace of the input matches namespaceSelector " + Text.selector(s.selector()));
      }
      return Optional.empty();
    }
    List<String> populated = namespaces.stream().filter(in::hasWorkloads).toList();
    if (populated.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "no workload in namespace"
            + (populated.size() > 1 ? "s " : " ")
            + Text.list(populated)
            + " matches pod selector "
            + Text.selector(selector.pods()));
  }

  /** The names of the input's namespaces that {@code match} selects. */
  static List<String> namespaces(LintInput in, NamespaceMatch match) {
    List<String> out = new ArrayList<>();
    for (Namespace ns : in.snapshot().namespaces().values()) {
      boolean selected =
          switch (match) {
            case NamespaceMatch.Named n -> n.name().equals(ns.name());
            case NamespaceMatch.Selected s -> s.selector().matches(ns.labels());
          };
      if (selected) {
        out.add(ns.name());
      }
    }
    return out;
  }

  /** The identities of pods matching {@code pods} in namespaces matching {@code ns}. */
  static BitSet select(LintInput in, NamespaceMatch ns, LabelSelector pods) {
    return in.select(new EndpointSelector(ns, pods));
  }
}
