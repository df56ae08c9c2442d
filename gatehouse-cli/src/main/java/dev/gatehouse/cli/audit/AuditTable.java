package dev.gatehouse.cli.audit;

import dev.gatehouse.admission.EnforcementAction;
import dev.gatehouse.admission.audit.AuditReport;
import dev.gatehouse.admission.audit.ComplianceState;
import dev.gatehouse.admission.audit.ContainerCompliance;
import dev.gatehouse.admission.audit.Counts;
import dev.gatehouse.admission.audit.Finding;
import dev.gatehouse.admission.audit.PolicyCompliance;
import dev.gatehouse.admission.audit.ResourceCompliance;
import dev.gatehouse.admission.audit.RuleResult;
import dev.gatehouse.cli.policy.Table;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The human audit report: a compliance table per policy (least compliant first, as the portal sorts
 * it), then each non-compliant resource with its violations in Gatekeeper's words, the policy and
 * definition they come from, and the containers they concern; then a one-line summary.
 */
final class AuditTable {
  private AuditTable() {}

  static void write(AuditReport report, PrintWriter out) {
    Table t =
        new Table(
            "POLICY", "EFFECT", "COMPLIANT", "NON-COMPLIANT", "ERROR", "COMPLIANCE", "TARGET");
    report.policies().stream()
        .sorted(
            java.util.Comparator.comparingDouble((PolicyCompliance p) -> p.counts().percent())
                .thenComparing(p -> p.info().name()))
        .forEach(
            p ->
                t.row(
                    p.info().name(),
                    p.info().effect(),
                    String.valueOf(p.counts().compliant()),
                    String.valueOf(p.counts().nonCompliant()),
                    String.valueOf(p.counts().error()),
                    percent(p.counts()),
                    p.info().target().isEmpty() ? p.info().kind() : p.info().target()));
    if (t.isEmpty()) {
      out.println("No policies (assignments or constraints) in the input.");
    } else {
      t.print(out);
    }
    boolean header = false;
    for (ResourceCompliance r : report.resources()) {
      if (r.state() != ComplianceState.NON_COMPLIANT && r.state() != ComplianceState.ERROR) {
        continue;
      }
      if (!header) {
        out.println();
        out.println("Non-compliant resources:");
        header = true;
      }
      resource(r, out);
    }
    out.println();
    out.println(summary(report));
    out.flush();
  }

  private static void resource(ResourceCompliance r, PrintWriter out) {
    out.println(r.resource().key() + " (" + r.resource().location() + "): " + r.state().wireName());
    for (RuleResult rr : r.results()) {
      if (rr.state() == ComplianceState.ERROR) {
        out.println("  Error: [" + rr.constraint() + "] " + rr.error());
      }
      for (Finding f : rr.findings()) {
        out.println("  " + prefix(rr.action()) + "[" + rr.constraint() + "] " + f.message());
        StringBuilder via = new StringBuilder("    policy " + rr.policy());
        if (!rr.definition().isEmpty()) {
          via.append(": ").append(rr.definition());
        }
        if (f.generated()) {
          via.append("; pod template");
        }
        if (!f.containers().isEmpty()) {
          via.append("; container").append(f.containers().size() == 1 ? " " : "s ");
          via.append(String.join(", ", f.containers()));
        }
        out.println(via);
      }
    }
    long bad =
        r.containers().stream().filter(c -> c.state() == ComplianceState.NON_COMPLIANT).count();
    if (bad > 0) {
      StringBuilder cs = new StringBuilder("  containers:");
      for (ContainerCompliance c : r.containers()) {
        cs.append(' ').append(c.name()).append('=').append(c.state().wireName());
      }
      out.println(cs);
    }
  }

  private static String prefix(EnforcementAction a) {
    return switch (a) {
      case DENY -> "";
      case WARN -> "Warning: ";
      case DRYRUN -> "Dryrun: ";
    };
  }

  static String percent(Counts c) {
    double p = c.percent();
    return (p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p))
        + "%";
  }

  static String summary(AuditReport report) {
    Counts c = report.counts();
    int n = report.resources().size();
    return n
        + " resource"
        + (n == 1 ? "" : "s")
        + " audited against "
        + report.policies().size()
        + " polic"
        + (report.policies().size() == 1 ? "y" : "ies")
        + " ("
        + report.constraints()
        + " constraint"
        + (report.constraints() == 1 ? "" : "s")
        + "): "
        + c.compliant()
        + " compliant, "
        + c.nonCompliant()
        + " non-compliant, "
        + c.error()
        + " error, "
        + (n - c.total())
        + " not applicable; "
        + percent(c)
        + " compliant; "
        + report.violations()
        + " violation"
        + (report.violations() == 1 ? "" : "s");
  }
}
