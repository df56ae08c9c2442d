package dev.gatehouse.admission.audit;

import java.util.ArrayList;
import java.util.List;

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
    List<String> suites = new ArrayList<>();
    int tests = 0;
    int failures = 0;
    int errors = 0;
    for (PolicyCompliance p : report.policies()) {
      StringBuilder cases = new StringBuilder();
      int t = 0;
      int f = 0;
      int e = 0;
      for (ResourceCompliance rc : report.resources()) {
        for (RuleResult rr : rc.results()) {
          if (!rr.policy().equals(p.info().name())) {
            continue;
          }
          t++;
          cases
              .append("    <testcase classname=\"")
              .append(attr(rr.constraint()))
              .append("\" name=\"")
              .append(attr(rc.resource().key()))
              .append("\" time=\"0\"");
          switch (rr.state()) {
            case NON_COMPLIANT -> {
              f++;
              List<String> messages = rr.findings().stream().map(Finding::message).toList();
              cases
                  .append(">\n      <failure type=\"")
                  .append(rr.action().wireName())
                  .append("\" message=\"")
                  .append(attr(messages.get(0)))
                  .append("\">")
                  .append(text(String.join("\n", messages) + "\n" + rc.resource().location()))
                  .append("</failure>\n    </testcase>\n");
            }
            case ERROR -> {
              e++;
              cases
                  .append(">\n      <error type=\"error\" message=\"")
                  .append(attr(rr.error()))
                  .append("\"/>\n    </testcase>\n");
            }
            default -> cases.append("/>\n");
          }
        }
      }
      tests += t;
      failures += f;
      errors += e;
      suites.add(
          "  <testsuite name=\""
              + attr(p.info().name())
              + "\" tests=\""
              + t
              + "\" failures=\""
              + f
              + "\" errors=\""
              + e
              + "\" skipped=\"0\" time=\"0\" timestamp=\""
              + report.timestamp()
              + "\">\n"
              + cases
              + "  </testsuite>\n");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuites name=\"gatehouse audit\" tests=\""
        + tests
        + "\" failures=\""
        + failures
        + "\" errors=\""
        + errors
        + "\" skipped=\"0\" time=\"0\">\n"
        + String.join("", suites)
        + "</testsuites>\n";
  }

  private static String text(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String attr(String s) {
    return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
  }
}
