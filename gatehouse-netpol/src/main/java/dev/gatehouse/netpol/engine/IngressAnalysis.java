package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.Protocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Connections from the cluster's ingress controller to the workloads that Ingress and Route objects
 * expose: the TCP ports the objects route to ({@link IngressRouting}), as far as the policies allow
 * them from the controller.
 *
 * <p>Design note (netpol-analyzer {@code connlist.go}, {@code getIngressAllowedConnections}): the
 * controller is modelled as a pod {@code ingress-controller} without labels in namespace {@code
 * ingress-controller-ns} (whose only label is its name, unless the input defines it). It is a
 * {@link SyntheticEndpoint} with an identity of its own, so every policy tier treats it as it would
 * treat such a pod: its egress at the source, the workload's ingress at the destination. A target
 * that the policies block entirely is reported as a warning and gets no connection.
 */
public final class IngressAnalysis {
  /** The ingress controller as netpol-analyzer models it. */
  public static final SyntheticEndpoint CONTROLLER =
      new SyntheticEndpoint("ingress-controller", "ingress-controller-ns", Map.of());

  private IngressAnalysis() {}

  /** The allowed connections from the ingress controller, one per exposed workload, sorted. */
  public static List<Connection> connections(CompiledNetwork net) {
    List<Connection> out = new ArrayList<>();
    for (Exposure e : evaluate(net)) {
      if (!e.allowed().isEmpty()) {
        out.add(
            new Connection(
                new Peer.IngressControllerPeer(),
                new Peer.WorkloadPeer(e.target().workload()),
                e.allowed()));
      }
    }
    out.sort(null);
    return List.copyOf(out);
  }

  /** Warns, at the Ingress or Route, about every exposed workload the policies block entirely. */
  static void warnBlocked(CompiledNetwork net, Diagnostics diagnostics) {
    for (Exposure e : evaluate(net)) {
      if (e.allowed().isEmpty()) {
        IngressTarget t = e.target();
        diagnostics.warning(
            "ingress-blocked",
            t.via().location(),
            t.via().kind()
                + " "
                + t.via().namespace()
                + "/"
                + t.via().name()
                + ": network policies block every connection from the ingress controller to "
                + t.workload().key()
                + " on TCP "
                + t.ports());
      }
    }
  }

  /** One exposed workload and what the policies allow of its ports. */
  private record Exposure(IngressTarget target, ConnectionSet allowed) {}

  private static List<Exposure> evaluate(CompiledNetwork net) {
    List<IngressTarget> targets = net.ingressTargets();
    OptionalInt controller = net.identities().idOf(CONTROLLER);
    if (targets.isEmpty() || controller.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> identityOf = new HashMap<>();
    for (Identity i : net.identities().identities()) {
      for (Workload w : i.members()) {
        identityOf.put(w.key(), i.id());
      }
    }
    List<Exposure> out = new ArrayList<>();
    for (IngressTarget t : targets) {
      Integer dst = identityOf.get(t.workload().key());
      if (dst == null) {
        continue;
      }
      ConnectionSet needed = ConnectionSet.of(Protocol.TCP, t.ports());
      out.add(
          new Exposure(
              t, needed.intersect(net.allowedBetweenIdentities(controller.getAsInt(), dst))));
    }
    return out;
  }
}
