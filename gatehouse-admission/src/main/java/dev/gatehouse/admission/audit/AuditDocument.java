package dev.gatehouse.admission.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit report as a document of maps and lists with stable keys and order, rendered as JSON or
 * YAML by the caller ({@code gatehouse audit -o json|yaml}).
 */
public final class AuditDocument {
  private AuditDocument() {}

  /** The whole report: summary, per policy (with per constraint), per resource. */
  public static Map<String, Object> of(AuditReport report) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("timestamp", report.timestamp().toString());
    doc.put("summary", summary(report));
    List<Object> policies = new ArrayList<>();
    report.policies().forEach(p -> policies.add(policy(p)));
    doc.put("policies", policies);
    List<Object> resources = new ArrayList<>();
    report.resources().forEach(r -> resources.add(resource(r)));
    doc.put("resources", resources);
    return doc;
  }

  private static Map<String, Object> summary(AuditReport report) {
    Map<String, Object> s = new LinkedHashMap<>();
    Counts c = report.counts();
    s.put("resources", report.resources().size());
    counts(s, c);
    s.put("notApplicable", report.resources().size() - c.total());
    s.put("violations", report.violations());
    s.put("policies", report.policies().size());
    s.put("constraints", report.constraints());
    return s;
  }

  private static void counts(Map<String, Object> m, Counts c) {
    m.put("compliant", c.compliant());
    m.put("nonCompliant", c.nonCompliant());
    m.put("error", c.error());
    m.put("compliancePercent", c.percent());
  }

  private static Map<String, Object> policy(PolicyCompliance p) {
    Map<String, Object> m = new LinkedHashMap<>();
    PolicyInfo i = p.info();
    m.put("name", i.name());
    m.put("displayName", i.displayName());
    m.put("kind", i.kind());
    m.put("target", i.target());
    m.put("effect", i.effect());
    m.put("enforcementMode", i.enforcementMode());
    counts(m, p.counts());
    m.put("totalViolations", p.totalViolations());
    m.put("disabled", i.disabled());
    List<Object> rules = new ArrayList<>();
    for (RuleCompliance r : p.rules()) {
      Map<String, Object> rm = new LinkedHashMap<>();
      rm.put("constraint", r.constraint());
      rm.put("constraintKind", r.constraintKind());
      rm.put("definition", r.definition());
      rm.put("referenceId", r.referenceId());
      rm.put("enforcementAction", r.action().wireName());
      counts(rm, r.counts());
      rm.put("totalViolations", r.totalViolations());
      rules.add(rm);
    }
    m.put("constraints", rules);
    return m;
  }

  private static Map<String, Object> resource(ResourceCompliance r) {
    Map<String, Object> m = new LinkedHashMap<>();
    ResourceRef ref = r.resource();
    m.put("apiVersion", ref.apiVersion());
    m.put("kind", ref.kind());
    m.put("namespace", ref.namespace());
    m.put("name", ref.name());
    m.put("source", ref.location().toString());
    m.put("state", r.state().wireName());
    List<Object> violations = new ArrayList<>();
    List<Object> errors = new ArrayList<>();
    List<Object> evaluated = new ArrayList<>();
    for (RuleResult rr : r.results()) {
      evaluated.add(rr.constraint());
      for (Finding f : rr.findings()) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("policy", rr.policy());
        v.put("constraint", rr.constraint());
        v.put("constraintKind", rr.constraintKind());
        v.put("definition", rr.definition());
        v.put("enforcementAction", rr.action().wireName());
        v.put("message", f.message());
        v.put("generated", f.generated());
        v.put("containers", f.containers());
        violations.add(v);
      }
      if (rr.state() == ComplianceState.ERROR) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("constraint", rr.constraint());
        e.put("error", rr.error());
        errors.add(e);
      }
    }
    m.put("evaluatedBy", evaluated);
    m.put("violations", violations);
    if (!errors.isEmpty()) {
      m.put("errors", errors);
    }
    if (!r.containers().isEmpty()) {
      List<Object> cs = new ArrayList<>();
      for (ContainerCompliance c : r.containers()) {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("name", c.name());
        cm.put("image", c.image());
        cm.put("field", c.field());
        cm.put("generated", c.generated());
        cm.put("state", c.state().wireName());
        List<Object> vs = new ArrayList<>();
        for (ContainerCompliance.Violation v : c.violations()) {
          Map<String, Object> vm = new LinkedHashMap<>();
          vm.put("policy", v.policy());
          vm.put("constraint", v.constraint());
          vm.put("definition", v.definition());
          vm.put("enforcementAction", v.action().wireName());
          vm.put("message", v.message());
          vs.add(vm);
        }
        cm.put("violations", vs);
        cs.add(cm);
      }
      m.put("containers", cs);
    }
    return m;
  }
}
