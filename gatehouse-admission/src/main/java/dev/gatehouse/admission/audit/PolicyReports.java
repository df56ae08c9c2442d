package dev.gatehouse.admission.audit;

import dev.gatehouse.admission.EnforcementAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Audit results as policy-report objects, one per namespace plus one cluster-wide report for
 * cluster-scoped resources: OpenReports ({@code openreports.io/v1alpha1} {@code Report} / {@code
 * ClusterReport}) or the older {@code wgpolicyk8s.io/v1alpha2} {@code PolicyReport} / {@code
 * ClusterPolicyReport}.
 *
 * <p>Each (resource, constraint) evaluated gives results: {@code pass} when compliant, one {@code
 * fail} per violation of a deny constraint and one {@code warn} per violation of a warn or dryrun
 * constraint (Azure's Audit effect), {@code error} when it could not be evaluated. A report keeps
 * at most {@code maxResults} results (failures first) so it stays well below etcd's object size;
 * its {@code summary} always counts every result, and the {@code gatehouse.dev/total-results}
 * annotation says how many there were.
 */
public final class PolicyReports {
  /** The report API. */
  public enum Flavor {
    /** {@code openreports.io/v1alpha1}. */
    OPENREPORTS,
    /** {@code wgpolicyk8s.io/v1alpha2}. */
    POLICYREPORT
  }

  /** The name of every report written. */
  public static final String REPORT_NAME = "gatehouse-audit";

  /** The source written into reports and results. */
  public static final String SOURCE = "gatehouse";

  private static final List<String> ORDER = List.of("fail", "warn", "error", "pass", "skip");

  private PolicyReports() {}

  /** One report per namespace with results (namespaces in name order), then the cluster report. */
  public static List<Map<String, Object>> of(AuditReport report, Flavor flavor, int maxResults) {
    Map<String, List<Map<String, Object>>> byNamespace = new TreeMap<>();
    for (ResourceCompliance r : report.resources()) {
      List<Map<String, Object>> results =
          byNamespace.computeIfAbsent(r.resource().namespace(), n -> new ArrayList<>());
      for (RuleResult rr : r.results()) {
        results.addAll(results(r.resource(), rr, report, flavor));
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    byNamespace.forEach(
        (ns, results) -> {
          if (!ns.isEmpty() && !results.isEmpty()) {
            out.add(report(ns, results, flavor, maxResults));
          }
        });
    List<Map<String, Object>> cluster = byNamespace.getOrDefault("", List.of());
    if (!cluster.isEmpty()) {
      out.add(report("", cluster, flavor, maxResults));
    }
    return out;
  }

  private static Map<String, Object> report(
      String ns, List<Map<String, Object>> results, Flavor flavor, int maxResults) {
    Map<String, Object> r = new LinkedHashMap<>();
    boolean open = flavor == Flavor.OPENREPORTS;
    r.put("apiVersion", open ? "openreports.io/v1alpha1" : "wgpolicyk8s.io/v1alpha2");
    String kind = open ? "Report" : "PolicyReport";
    r.put("kind", ns.isEmpty() ? "Cluster" + kind : kind);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", REPORT_NAME);
    if (!ns.isEmpty()) {
      meta.put("namespace", ns);
    }
    meta.put("labels", Map.of("app.kubernetes.io/managed-by", SOURCE));
    meta.put("annotations", Map.of("gatehouse.dev/total-results", String.valueOf(results.size())));
    r.put("metadata", meta);
    if (open) {
      r.put("source", SOURCE);
      r.put("configuration", Map.of("limits", Map.of("maxResults", maxResults)));
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    for (String s : ORDER) {
      summary.put(s, results.stream().filter(x -> s.equals(x.get("result"))).count());
    }
    r.put("summary", summary);
    List<Map<String, Object>> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparingInt(x -> ORDER.indexOf((String) x.get("result"))));
    r.put("results", sorted.subList(0, Math.min(maxResults, sorted.size())));
    return r;
  }

  private static List<Map<String, Object>> results(
      ResourceRef res, RuleResult rr, AuditReport report, Flavor flavor) {
    List<Map<String, Object>> out = new ArrayList<>();
    switch (rr.state()) {
      case COMPLIANT -> out.add(result(res, rr, "pass", "no violations", report, flavor, null));
      case ERROR -> out.add(result(res, rr, "error", rr.error(), report, flavor, null));
      case NON_COMPLIANT -> {
        String outcome = rr.action() == EnforcementAction.DENY ? "fail" : "warn";
        for (Finding f : rr.findings()) {
          out.add(result(res, rr, outcome, f.message(), report, flavor, f));
        }
      }
      case NOT_APPLICABLE -> {}
    }
    return out;
  }

  private static Map<String, Object> result(
      ResourceRef res,
      RuleResult rr,
      String outcome,
      String message,
      AuditReport report,
      Flavor flavor,
      @Nullable Finding finding) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (flavor == Flavor.OPENREPORTS) {
      m.put("source", SOURCE);
    }
    m.put("policy", rr.policy());
    m.put("rule", rr.constraint());
    if (!rr.definition().isEmpty()) {
      m.put("category", "Azure Policy");
    }
    Map<String, Object> timestamp = new LinkedHashMap<>();
    timestamp.put("seconds", report.timestamp().getEpochSecond());
    timestamp.put("nanos", report.timestamp().getNano());
    m.put("timestamp", timestamp);
    m.put("result", outcome);
    m.put("scored", true);
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("apiVersion", res.apiVersion());
    subject.put("kind", res.kind());
    if (!res.namespace().isEmpty()) {
      subject.put("namespace", res.namespace());
    }
    subject.put("name", res.name());
    if (!res.uid().isEmpty()) {
      subject.put("uid", res.uid());
    }
    m.put("resources", List.of(subject));
    m.put("message", message);
    Map<String, String> props = new TreeMap<>();
    props.put("constraintKind", rr.constraintKind());
    props.put("enforcementAction", rr.action().wireName());
    if (!rr.definition().isEmpty()) {
      props.put("definition", rr.definition());
    }
    if (finding != null && !finding.containers().isEmpty()) {
      props.put("containers", String.join(",", finding.containers()));
    }
    if (finding != null && finding.generated()) {
      props.put("generated", "true");
    }
    m.put("properties", props);
    return m;
  }
}
