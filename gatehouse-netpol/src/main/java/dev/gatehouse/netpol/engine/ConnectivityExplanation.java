package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The explained connectivity of a cluster: for each pair of peers, which connections are allowed or
 * denied and by which policies and rules ({@link ConnectivityExplainer}).
 *
 * <p>The views below narrow it the way netpol-analyzer's options do: {@code --focusworkload} and
 * its companions keep pairs, {@code --focus-conn} keeps one protocol and port of every pair, and
 * {@code --explain-only allow|deny} keeps only allowed or only denied parts. Pairs left without a
 * part are dropped.
 *
 * @param pairs sorted by source label, then destination label
 */
public record ConnectivityExplanation(List<PairExplanation> pairs) {

  /** Copies the list. */
  public ConnectivityExplanation {
    pairs = List.copyOf(pairs);
  }

  /** Only the pairs in {@code focus}; nothing when none of its workloads exists. */
  public ConnectivityExplanation focus(ConnectivityFocus focus) {
    if (focus.isEmpty()) {
      return this;
    }
    Set<Peer> workloads = new LinkedHashSet<>();
    List<Connection> asConnections = new ArrayList<>();
    for (PairExplanation p : pairs) {
      for (Peer peer : List.of(p.src(), p.dst())) {
        if (peer instanceof Peer.WorkloadPeer) {
          workloads.add(peer);
        }
      }
      asConnections.add(new Connection(p.src(), p.dst(), p.allowed()));
    }
    if (!focus.findsAnything(List.copyOf(workloads), asConnections)) {
      return new ConnectivityExplanation(List.of());
    }
    return new ConnectivityExplanation(
        pairs.stream()
            .filter(p -> focus.keeps(new Connection(p.src(), p.dst(), ConnectionSet.NONE)))
            .toList());
  }

  /** Every pair reduced to the connections in {@code conns}. */
  public ConnectivityExplanation restrictTo(ConnectionSet conns) {
    List<PairExplanation> out = new ArrayList<>();
    for (PairExplanation p : pairs) {
      List<ExplainedPart> parts =
          p.parts().stream()
              .filter(part -> !part.conns().intersect(conns).isEmpty())
              .map(part -> part.restrictedTo(conns))
              .sorted(ConnectivityExplainer.PART_ORDER)
              .toList();
      if (!parts.isEmpty()) {
        out.add(new PairExplanation(p.src(), p.dst(), parts));
      }
    }
    return new ConnectivityExplanation(out);
  }

  /** Only the allowed parts ({@code allowed} true) or only the denied ones. */
  public ConnectivityExplanation only(boolean allowed) {
    List<PairExplanation> out = new ArrayList<>();
    for (PairExplanation p : pairs) {
      List<ExplainedPart> parts =
          p.parts().stream().filter(part -> part.allowed() == allowed).toList();
      if (!parts.isEmpty()) {
        out.add(new PairExplanation(p.src(), p.dst(), parts));
      }
    }
    return new ConnectivityExplanation(out);
  }
}
