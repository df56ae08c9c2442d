package dev.gatehouse.netpol.output;

import dev.gatehouse.netpol.engine.ConnectivityExplanation;
import dev.gatehouse.netpol.engine.ExplainedPart;
import dev.gatehouse.netpol.engine.ExplainedSide;
import dev.gatehouse.netpol.engine.PairExplanation;
import dev.gatehouse.netpol.engine.Reason;
import java.util.List;
import java.util.Optional;

/**
 * Renders a {@link ConnectivityExplanation} as netpol-analyzer's {@code list --explain} txt output.
 *
 * <p>Two sections, each under a {@code #}-boxed header and left out when empty: "Specific
 * connections and their reasons", one block per pair (a 160-dash line, {@code Connections between A
 * => B:}, then {@code Allowed connections:} and {@code Denied connections:} with one entry per
 * part: its connections, then per side the verdict and the responsible policies and rules, several
 * NetworkPolicies of one side as a {@code NetworkPolicy list:}, a side without reasons left out);
 * then "All Connections due to the system default (Allow all)", listing the pairs that nothing but
 * the system default decides. The text ends with a line break, so that a further section (such as
 * exposure analysis) can follow.
 */
public final class ExplanationWriter {
  private static final String SPECIFIC_HEADER = "Specific connections and their reasons";
  private static final String DEFAULT_HEADER =
      "All Connections due to the system default (Allow all)";
  private static final String SYSTEM_DEFAULT = "due to the system default (Allow all)";
  private static final String PAIR_SEPARATOR = "-".repeat(160);

  private ExplanationWriter() {}

  /** The explanation as netpol-analyzer's txt; "" when it has no pair. */
  public static String txt(ConnectivityExplanation explanation) {
    List<PairExplanation> specific =
        explanation.pairs().stream().filter(p -> !p.systemDefaultOnly()).toList();
    List<PairExplanation> byDefault =
        explanation.pairs().stream().filter(PairExplanation::systemDefaultOnly).toList();
    StringBuilder sb = new StringBuilder();
    if (!specific.isEmpty()) {
      header(sb, SPECIFIC_HEADER);
      specific.forEach(p -> pair(sb, p));
    }
    if (!byDefault.isEmpty()) {
      header(sb, DEFAULT_HEADER);
      byDefault.forEach(
          p -> sb.append(p.src().label()).append(" => ").append(p.dst().label()).append('\n'));
    }
    return sb.toString();
  }

  private static void header(StringBuilder sb, String title) {
    String box = "#".repeat(title.length() + 4);
    sb.append('\n').append(box).append("\n# ").append(title).append(" #\n").append(box);
    sb.append('\n');
  }

  private static void pair(StringBuilder sb, PairExplanation p) {
    sb.append(PAIR_SEPARATOR).append('\n');
    sb.append("Connections between ")
        .append(p.src().label())
        .append(" => ")
        .append(p.dst().label())
        .append(":\n\n");
    group(sb, p.parts().stream().filter(ExplainedPart::allowed).toList(), "Allowed");
    group(sb, p.parts().stream().filter(x -> !x.allowed()).toList(), "Denied");
  }

  private static void group(StringBuilder sb, List<ExplainedPart> parts, String verdict) {
    if (parts.isEmpty()) {
      return;
    }
    sb.append(verdict).append(" connections:\n");
    for (ExplainedPart part : parts) {
      sb.append('\t').append(verdict).append(' ').append(part.portsText());
      if (part.systemDefaultOnly()) {
        sb.append(' ').append(SYSTEM_DEFAULT).append('\n');
      } else if (part.egress().reasons().isEmpty() && part.ingress().reasons().isEmpty()) {
        sb.append('\n');
      } else {
        sb.append(" due to the following policies and rules:\n");
        side(sb, part.egress());
        side(sb, part.ingress());
      }
      sb.append('\n');
    }
  }

  /**
   * One side's lines; none for a side without reasons, as netpol-analyzer prints no line for a
   * direction whose implying rules are empty.
   */
  private static void side(StringBuilder sb, ExplainedSide side) {
    if (side.reasons().isEmpty()) {
      return;
    }
    sb.append("\t\t")
        .append(side.direction().title())
        .append(side.allowed() ? " (Allowed)" : " (Denied)");
    if (side.systemDefaultOnly()) {
      sb.append(' ').append(SYSTEM_DEFAULT).append('\n');
      return;
    }
    sb.append('\n');
    List<Reason> reasons = side.reasons();
    for (int i = 0; i < reasons.size(); ) {
      int end = i + 1;
      while (end < reasons.size() && listed(reasons.get(i), reasons.get(end))) {
        end++;
      }
      if (end - i == 1) {
        sb.append("\t\t\t").append(reasons.get(i).text()).append('\n');
      } else {
        sb.append("\t\t\t").append(kind(reasons.get(i)).orElseThrow()).append(" list:\n");
        for (Reason r : reasons.subList(i, end)) {
          sb.append("\t\t\t\t- ").append(r.text()).append('\n');
        }
        sb.append('\n');
      }
      i = end;
    }
  }

  /**
   * Whether two neighbouring reasons go into one list: both from policies of the same kind whose
   * several policies can answer together (NetworkPolicy, and Cilium's kinds); admin policies, the
   * system default and Ingress/Route objects are printed one per line.
   */
  private static boolean listed(Reason first, Reason next) {
    Optional<String> kind = kind(first);
    return kind.isPresent()
        && kind.equals(kind(next))
        && !kind.get().equals("AdminNetworkPolicy")
        && !kind.get().equals("BaselineAdminNetworkPolicy")
        && !kind.get().equals("Ingress")
        && !kind.get().equals("Route");
  }

  private static Optional<String> kind(Reason r) {
    return r.origin().map(o -> o.kind());
  }
}
