package dev.gatehouse.admission.audit;

import dev.gatehouse.kube.report.JUnitXml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Audit results as JUnit XML (Jenkins, Azure DevOps, GitLab): one {@code testsuite} per policy, one
 * {@code testcase} per (constraint, resource) evaluated, with {@code classname} the constraint and
 * {@code name} the resource ({@code ns/Kind/name}); passing cases are included so dashboards show
 * totals. A violation is a {@code failure} whose {@code type} is the enforcement action; a resource
 * that could not be evaluated is an {@code error}.
 */
public final class JUnitReport {
  private JUnitReport() {}

  /** The XML document. */
  public static String of(AuditReport report) {
    List<JUnitXml.Suite> suites = new ArrayList<>();
    for (PolicyCompliance p : report.policies()) {
      List<JUnitXml.Case> cases = new ArrayList<>();
      for (ResourceCompliance rc : report.resources()) {
        for (RuleResult rr : rc.results()) {
          if (rr.policy().equals(p.info().name())) {
            cases.add(
                new JUnitXml.Case(
                    rr.constraint(), rc.resource().key(), outcome(rc.resource(), rr)));
          }
        }
      }
      suites.add(
          new JUnitXml.Suite(p.info().name(), Optional.of(report.timestamp().toString()), cases));
    }
    return JUnitXml.render("gatehouse audit", suites);
  }

  private static JUnitXml.Outcome outcome(ResourceRef resource, RuleResult rr) {
    return switch (rr.state()) {
      case NON_COMPLIANT -> {
        List<String> messages = rr.findings().stream().map(Finding::message).toList();
        yield new JUnitXml.Failure(
            rr.action().wireName(),
            messages.get(0),
            String.join("\n", messages) + "\n" + resource.location());
      }
      case ERROR -> new JUnitXml.Errored("error", rr.error());
      default -> new JUnitXml.Passed();
    };
  }
}
