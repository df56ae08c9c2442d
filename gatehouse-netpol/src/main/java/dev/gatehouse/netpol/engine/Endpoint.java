package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.ir.ClusterEntity;
import dev.gatehouse.netpol.l7.FqdnPattern;

/** One end of a connection asked about in {@code eval}/{@code explain}. */
public sealed interface Endpoint {
  /** How the endpoint is printed. */
  String label();

  /** A workload of the cluster, with its identity. */
  record OfWorkload(Workload workload, int identity) implements Endpoint {
    @Override
    public String label() {
      return workload.key();
    }
  }

  /** An address outside the cluster. */
  record OfAddress(IpRange address) implements Endpoint {
    @Override
    public String label() {
      return address.format(address.first());
    }
  }

  /** A cluster entity that is not a workload (written {@code reserved:host} and so on). */
  record OfEntity(ClusterEntity entity) implements Endpoint {
    @Override
    public String label() {
      return entity.label() + "[Entity]";
    }
  }

  /**
   * A destination outside the cluster named by DNS ({@code --dst-fqdn}).
   *
   * @param name the name as given (matched case-insensitively, with or without its trailing dot)
   */
  record OfName(String name) implements Endpoint {
    @Override
    public String label() {
      String n = FqdnPattern.fqdn(name);
      return n.substring(0, n.length() - 1) + "[FQDN]";
    }
  }
}
