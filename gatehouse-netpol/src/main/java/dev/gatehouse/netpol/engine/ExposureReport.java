package dev.gatehouse.netpol.engine;

import java.util.List;
import java.util.Optional;

/**
 * The result of {@link ExposureAnalysis}: the connectivity report it was computed with, and the
 * workloads that are exposed, in label order.
 *
 * @param connectivity the allowed connections between existing peers (focused as asked)
 * @param connection the connection the report is focused on, if any
 * @param workloads the exposed workloads, sorted by label
 */
public record ExposureReport(
    ConnectivityReport connectivity,
    Optional<FocusConnection> connection,
    List<ExposedWorkload> workloads) {

  /** Copies the list. */
  public ExposureReport {
    workloads = List.copyOf(workloads);
  }

  /**
   * One exposed workload: reachable from, or able to reach, peers beyond the existing workloads (or
   * not protected by any policy in some direction).
   */
  public record ExposedWorkload(Peer workload, Side ingress, Side egress) {}

  /**
   * What a workload is exposed to in one direction.
   *
   * @param isProtected whether some policy selects the workload in this direction; when not, the
   *     entries hold the entire cluster with every connection
   * @param entries the exposures: the entire cluster, representative peers, external ranges
   */
  public record Side(boolean isProtected, List<Entry> entries) {
    /** Copies the list. */
    public Side {
      entries = List.copyOf(entries);
    }
  }

  /** An exposure: what {@code target} may exchange with the workload. */
  public record Entry(ExposureTarget target, ExposureConnection connection) {}
}
