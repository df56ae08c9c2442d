package dev.gatehouse.admission.audit;

import dev.gatehouse.admission.EnforcementAction;
import dev.gatehouse.kube.report.SarifLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Audit violations as SARIF 2.1.0 (GitHub code scanning and other SARIF consumers): one rule per
 * constraint (its name is the stable {@code ruleId}), one result per violation located at the
 * resource's file and line; level {@code error} for deny, {@code warning} for warn and dryrun
 * (Azure's Audit), {@code note} for resources that could not be evaluated. Each result has a {@code
 * partialFingerprints} entry over rule, resource and message, so a finding keeps its identity
 * across runs.
 */
public final class SarifReport {
  private SarifReport() {}

  /** The SARIF log. */
  public static Map<String, Object> of(AuditReport report, String toolVersion) {
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    List<Object> rules = new ArrayList<>();
    for (PolicyCompliance p : report.policies()) {
      for (RuleCompliance r : p.rules()) {
        ruleIndex.put(r.constraint(), rules.size());
        rules.add(rule(p.info(), r));
      }
    }
    List<Object> results = new ArrayList<>();
    for (ResourceCompliance rc : report.resources()) {
      for (RuleResult rr : rc.results()) {
        Integer index = ruleIndex.get(rr.constraint());
        if (rr.state() == ComplianceState.ERROR) {
          results.add(result(rc.resource(), rr, index, "note", rr.error(), List.of()));
        }
        for (Finding f : rr.findings()) {
          results.add(
              result(rc.resource(), rr, index, level(rr.action()), f.message(), f.containers()));
        }
      }
    }
    return SarifLog.of(
        new SarifLog.Driver("gatehouse", toolVersion, Optional.empty(), rules), results);
  }

  private static Map<String, Object> rule(PolicyInfo policy, RuleCompliance r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.constraint());
    m.put("name", r.constraintKind());
    String text =
        r.definition().isEmpty() ? r.constraintKind() + " " + r.constraint() : r.definition();
    m.put("shortDescription", Map.of("text", text));
    m.put(
        "fullDescription",
        Map.of(
            "text",
            text
                + (policy.kind().equals("PolicyAssignment")
                    ? " (assignment " + policy.name() + ")"
                    : "")));
    m.put("defaultConfiguration", Map.of("level", level(r.action())));
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("tags", List.of("kubernetes", "admission", policy.name()));
    props.put("policy", policy.name());
    props.put("enforcementAction", r.action().wireName());
    m.put("properties", props);
    return m;
  }

  private static Map<String, Object> result(
      ResourceRef res,
      RuleResult rr,
      @org.jspecify.annotations.Nullable Integer index,
      String level,
      String message,
      List<String> containers) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ruleId", rr.constraint());
    if (index != null) {
      m.put("ruleIndex", index);
    }
    m.put("level", level);
    m.put(
        "message", Map.of("text", "[" + rr.constraint() + "] " + message + " (" + res.key() + ")"));
    m.put("locations", List.of(SarifLog.location(res.location())));
    m.put(
        "partialFingerprints",
        Map.of(
            "gatehouseFinding/v1",
            SarifLog.fingerprint(rr.constraint() + "\n" + res.key() + "\n" + message)));
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("resource", res.key());
    props.put("policy", rr.policy());
    if (!containers.isEmpty()) {
      props.put("containers", containers);
    }
    m.put("properties", props);
    return m;
  }

  private static String level(EnforcementAction a) {
    return a == EnforcementAction.DENY ? "error" : "warning";
  }
}
