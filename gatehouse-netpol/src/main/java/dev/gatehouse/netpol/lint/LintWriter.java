package dev.gatehouse.netpol.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gatehouse.kube.Severity;
import dev.gatehouse.kube.report.JUnitXml;
import dev.gatehouse.kube.report.SarifLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a {@link LintReport} in each {@link LintFormat}. Output is deterministic: the same report
 * gives the same bytes.
 *
 * <p>SARIF: one {@code reportingDescriptor} per rule that ran (its id is the {@code ruleId}, its
 * help text the catalogue's), one result per finding with level {@code error}, {@code warning} or
 * {@code note}, located at the finding's file and line, with a fingerprint over rule, object,
 * pointer and message. JUnit: one suite per rule that ran, one case per finding, failing when the
 * finding is at or above the failure threshold and passing (with the finding as output) below it.
 */
public final class LintWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LintWriter() {}

  /** The report in {@code format}; {@code failOn} decides which JUnit cases fail. */
  public static String render(
      LintReport report, LintFormat format, Severity failOn, String toolVersion) {
    return switch (format) {
      case TABLE -> table(report);
      case JSON -> json(document(report));
      case SARIF -> json(sarif(report, toolVersion));
      case JUNIT -> junit(report, failOn);
    };
  }

  /** The human format: one block per finding, then a summary line. */
  static String table(LintReport report) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : report.findings()) {
      sb.append(
          String.format(
              "%-8s %s  %s  %s%n",
              f.severity().word(), f.rule().label(), f.location(), f.object()));
      sb.append("  ").append(f.message()).append('\n');
      sb.append("  fix: ").append(f.hint()).append('\n');
    }
    sb.append(summary(report)).append('\n');
    return sb.toString();
  }

  /** {@code 3 findings (1 error, 2 warnings, 0 info) in 7 objects, 15 rules}. */
  static String summary(LintReport report) {
    int n = report.findings().size();
    return (n == 0 ? "no findings" : n + (n == 1 ? " finding" : " findings"))
        + " ("
        + report.count(Severity.ERROR)
        + " error"
        + (report.count(Severity.ERROR) == 1 ? "" : "s")
        + ", "
        + report.count(Severity.WARNING)
        + " warning"
        + (report.count(Severity.WARNING) == 1 ? "" : "s")
        + ", "
        + report.count(Severity.INFO)
        + " info) in "
        + report.objects()
        + " objects, "
        + report.rules().size()
        + " rules";
  }

  /** The JSON document: findings, a summary and the rules that ran. */
  static Map<String, Object> document(LintReport report) {
    List<Object> findings = new ArrayList<>();
    for (Finding f : report.findings()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", f.rule().id());
      m.put("name", f.rule().name());
      m.put("severity", f.severity().word());
      m.put("file", f.location().file());
      m.put("line", f.location().line());
      m.put("object", f.object());
      m.put("pointer", f.pointer());
      m.put("message", f.message());
      m.put("hint", f.hint());
      findings.add(m);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("errors", report.count(Severity.ERROR));
    summary.put("warnings", report.count(Severity.WARNING));
    summary.put("info", report.count(Severity.INFO));
    summary.put("objects", report.objects());
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("findings", findings);
    doc.put("summary", summary);
    doc.put("rules", report.rules().stream().map(RuleInfo::id).toList());
    return doc;
  }

  /** The SARIF 2.1.0 log. */
  static Map<String, Object> sarif(LintReport report, String toolVersion) {
    Map<String, Integer> index = new LinkedHashMap<>();
    List<Object> rules = new ArrayList<>();
    for (RuleInfo r : report.rules()) {
      index.put(r.id(), rules.size());
      rules.add(descriptor(r));
    }
    List<Object> results = new ArrayList<>();
    for (Finding f : report.findings()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ruleId", f.rule().id());
      Integer i = index.get(f.rule().id());
      if (i != null) {
        m.put("ruleIndex", i);
      }
      m.put("level", level(f.severity()));
      m.put("message", Map.of("text", f.message() + ". Fix: " + f.hint() + "."));
      m.put("locations", List.of(SarifLog.location(f.location())));
      m.put(
          "partialFingerprints",
          Map.of(
              "gatehouseLint/v1",
              SarifLog.fingerprint(
                  f.rule().id() + "\n" + f.object() + "\n" + f.pointer() + "\n" + f.message())));
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("object", f.object());
      props.put("pointer", f.pointer());
      props.put("hint", f.hint());
      m.put("properties", props);
      results.add(m);
    }
    return SarifLog.of(
        new SarifLog.Driver("gatehouse", toolVersion, Optional.empty(), rules), results);
  }

  private static Map<String, Object> descriptor(RuleInfo r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("name", r.name());
    m.put("shortDescription", Map.of("text", r.summary()));
    m.put("fullDescription", Map.of("text", r.summary()));
    m.put("help", Map.of("text", r.help()));
    m.put("defaultConfiguration", Map.of("level", level(r.severity())));
    m.put("properties", Map.of("tags", List.of("kubernetes", "network-policy")));
    return m;
  }

  /** The SARIF level of a severity. */
  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** The JUnit XML document. */
  static String junit(LintReport report, Severity failOn) {
    List<JUnitXml.Suite> suites = new ArrayList<>();
    for (RuleInfo r : report.rules()) {
      List<JUnitXml.Case> cases = new ArrayList<>();
      for (Finding f : report.findings()) {
        if (!f.rule().id().equals(r.id())) {
          continue;
        }
        String text = f.message() + "\nfix: " + f.hint() + "\n" + f.location();
        JUnitXml.Outcome outcome =
            f.atLeast(failOn)
                ? new JUnitXml.Failure(f.severity().word(), f.message(), text)
                : new JUnitXml.PassedWithOutput(f.severity().word() + ": " + text);
        cases.add(new JUnitXml.Case(r.label(), f.object() + " (" + f.location() + ")", outcome));
      }
      suites.add(new JUnitXml.Suite(r.label(), Optional.empty(), cases));
    }
    return JUnitXml.render("gatehouse lint", suites);
  }

  private static String json(Object doc) {
    try {
      return JSON.writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON", e);
    }
  }
}
