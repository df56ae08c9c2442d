package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.ContainerPort;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.IngressRoutes;
import dev.gatehouse.kube.LabelSelector;
import dev.gatehouse.kube.Service;
import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.PortSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows Ingress and Route objects to the workloads they expose and the TCP ports the ingress
 * controller needs on them.
 *
 * <p>Design note (netpol-analyzer {@code connlist/internal/ingressanalyzer/ingress_analyzer.go}): a
 * backend names a Service in the object's namespace and optionally a port. The Service's selector
 * picks workloads of its namespace. Without a backend port every service port counts; otherwise the
 * first service port whose name, port or targetPort equals it. A service port leads to its {@code
 * targetPort} (its {@code port} when unset); a named target port resolves on the workload's first
 * container port of that name, which must be TCP; a number counts only if some container port of
 * the workload has it (of whatever protocol, as netpol-analyzer reads container ports). Backends
 * that lead nowhere (no such service, a service without selector or selecting nothing, no matching
 * port) are reported as warnings at the Ingress or Route.
 */
final class IngressRouting {
  private final Diagnostics diagnostics;
  private final Map<String, Service> services = new HashMap<>();
  private final List<Workload> workloads;
  private final Map<String, IngressTarget> targets = new LinkedHashMap<>();

  private IngressRouting(ClusterSnapshot snapshot, Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.workloads = snapshot.workloads();
    snapshot.services().forEach(s -> services.putIfAbsent(s.namespace() + "/" + s.name(), s));
  }

  /** The workloads Ingress and Route objects reach, with their ports, in input order. */
  static List<IngressTarget> targets(ClusterSnapshot snapshot, Diagnostics diagnostics) {
    IngressRouting r = new IngressRouting(snapshot, diagnostics);
    for (IngressRoutes ir : snapshot.ingresses()) {
      for (IngressRoutes.Backend b : ir.backends()) {
        r.follow(ir, b);
      }
    }
    return List.copyOf(r.targets.values());
  }

  private void follow(IngressRoutes via, IngressRoutes.Backend backend) {
    String what = via.kind() + " " + via.namespace() + "/" + via.name();
    Service svc = services.get(via.namespace() + "/" + backend.service());
    if (svc == null) {
      warn(via, what + ": service " + backend.service() + " not found in its namespace; ignored");
      return;
    }
    if (svc.selector().isEmpty()) {
      warn(via, what + ": service " + backend.service() + " has no selector; ignored");
      return;
    }
    LabelSelector selector = LabelSelector.of(svc.selector().get());
    List<Workload> selected =
        workloads.stream()
            .filter(w -> w.namespace().equals(svc.namespace()) && selector.matches(w.labels()))
            .toList();
    List<String> access = accessPorts(svc.ports(), backend.port());
    if (selected.isEmpty() || access.isEmpty()) {
      warn(
          via,
          what
              + ": service "
              + backend.service()
              + (selected.isEmpty()
                  ? " selects no workload"
                  : " has no port matching \"" + backend.port() + "\"")
              + "; ignored");
      return;
    }
    for (Workload w : selected) {
      PortSet ports = podPorts(w, access);
      if (ports.isEmpty()) {
        warn(via, what + ": no container port of " + w.key() + " matches target port(s) " + access);
        continue;
      }
      IngressExposure exposure = new IngressExposure(via, backend.service(), ports);
      targets.merge(
          w.key(), new IngressTarget(w, ports, via, List.of(exposure)), IngressTarget::merge);
    }
  }

  /** The pod-side ports (numbers or names) that {@code required} selects among service ports. */
  static List<String> accessPorts(List<Service.ServicePort> ports, String required) {
    List<String> out = new ArrayList<>();
    for (Service.ServicePort sp : ports) {
      String access = sp.targetPort().isEmpty() ? String.valueOf(sp.port()) : sp.targetPort();
      if (required.isEmpty()) {
        out.add(access);
      } else if ((!sp.name().isEmpty() && sp.name().equals(required))
          || String.valueOf(sp.port()).equals(required)
          || sp.targetPort().equals(required)) {
        return List.of(access);
      }
    }
    return out;
  }

  /** The TCP ports of {@code w} that the access ports resolve to. */
  static PortSet podPorts(Workload w, List<String> access) {
    PortSet out = PortSet.NONE;
    for (String a : access) {
      if (a.chars().allMatch(Character::isDigit)) {
        int n = Integer.parseInt(a);
        if (w.ports().stream().anyMatch(cp -> cp.port() == n)) {
          out = out.union(PortSet.of(n));
        }
        continue;
      }
      for (ContainerPort cp : w.ports()) {
        if (cp.name().equals(a)) {
          if (cp.protocol().isEmpty() || cp.protocol().equals("TCP")) {
            out = out.union(PortSet.of(cp.port()));
          }
          break;
        }
      }
    }
    return out;
  }

  private void warn(IngressRoutes via, String message) {
    diagnostics.warning("ingress-backend", via.location(), message);
  }
}
