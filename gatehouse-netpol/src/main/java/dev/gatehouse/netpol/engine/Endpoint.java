package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.IpRange;

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
}
