package dev.gatehouse.netpol.output;

import dev.gatehouse.kube.LabelSelector;
import dev.gatehouse.netpol.engine.ExposureTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How netpol-analyzer names representative peers: {@code ns1/[pod with {app=x}]}, {@code [all
 * namespaces]/[pod with {app=x}]}, {@code [namespace with {k=v}]/[all pods]} in text formats, and
 * the same without brackets in graph nodes.
 *
 * <p>Design note (netpol-analyzer {@code conns_formatter.go}, {@code
 * getRepresentativeNamespaceString}): a namespace selector that is only the namespace name label
 * prints as the name; {@code matchLabels} print as {@code k=v} sorted by key; each {@code
 * matchExpressions} entry prints as the Go API struct does ({@code {Key:k,Operator:In,Values:[a
 * b],}}, values as written), the entries sorted as strings, after the labels.
 */
final class RepresentativeLabels {
  private RepresentativeLabels() {}

  /** The namespace part: a name, or {@code [all namespaces]}, or {@code [namespace with {...}]}. */
  static String namespace(ExposureTarget.Representative r, boolean brackets) {
    if (r.namespaceName().isPresent()) {
      return r.namespaceName().get();
    }
    String s =
        r.namespaces().isEmpty()
            ? "all namespaces"
            : "namespace with {" + selector(r.namespaces()) + "}";
    return brackets ? "[" + s + "]" : s;
  }

  /** The pod part: {@code [all pods]} or {@code [pod with {...}]}. */
  static String pods(ExposureTarget.Representative r, boolean brackets) {
    String s = r.pods().isEmpty() ? "all pods" : "pod with {" + selector(r.pods()) + "}";
    return brackets ? "[" + s + "]" : s;
  }

  /** The text label, {@code namespace/pods}. */
  static String text(ExposureTarget.Representative r) {
    return namespace(r, true) + "/" + pods(r, true);
  }

  /** The graph node id, {@code pods_in_namespace}. */
  static String nodeId(ExposureTarget.Representative r) {
    return pods(r, false) + "_in_" + namespace(r, false);
  }

  private static String selector(LabelSelector s) {
    List<String> labels = new ArrayList<>();
    for (Map.Entry<String, String> e : s.matchLabels().entrySet()) {
      labels.add(e.getKey() + "=" + e.getValue());
    }
    List<String> expressions = new ArrayList<>();
    for (LabelSelector.Requirement r : s.expressions()) {
      expressions.add(
          "{Key:"
              + r.key()
              + ",Operator:"
              + r.operator()
              + ",Values:["
              + String.join(" ", r.values())
              + "],}");
    }
    expressions.sort(null);
    labels.addAll(expressions);
    return String.join(",", labels);
  }
}
