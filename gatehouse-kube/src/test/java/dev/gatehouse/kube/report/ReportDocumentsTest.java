package dev.gatehouse.kube.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.kube.SourceLocation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportDocumentsTest {

  @Test
  void render_countsOutcomesAndParsesBack() throws Exception {
    String nasty = "a\"b<c>&d\ne\tf\u0001g";
    String xml =
        JUnitXml.render(
            "suite \"x\"",
            List.of(
                new JUnitXml.Suite(
                    "s1",
                    Optional.empty(),
                    List.of(
                        new JUnitXml.Case("c", "ok", new JUnitXml.Passed()),
                        new JUnitXml.Case("c", "out", new JUnitXml.PassedWithOutput(nasty)),
                        new JUnitXml.Case(
                            "c", nasty, new JUnitXml.Failure("warning", nasty, nasty)),
                        new JUnitXml.Case("c", "err", new JUnitXml.Errored("error", "boom")))),
                new JUnitXml.Suite("empty", Optional.of("2025-01-02T03:04:05Z"), List.of())));
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    assertThat(root.getAttribute("name")).isEqualTo("suite \"x\"");
    assertThat(root.getAttribute("tests")).isEqualTo("4");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    assertThat(root.getAttribute("errors")).isEqualTo("1");
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    String expected = "a\"b<c>&d\ne\tf\uFFFDg";
    assertThat(failure.getAttribute("message")).isEqualTo(expected);
    assertThat(failure.getTextContent()).isEqualTo(expected);
    assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo(expected);
    assertThat(doc.getElementsByTagName("system-out").item(0).getTextContent()).isEqualTo(expected);
    Element empty = (Element) doc.getElementsByTagName("testsuite").item(1);
    assertThat(empty.getAttribute("tests")).isEqualTo("0");
    assertThat(empty.getAttribute("timestamp")).isEqualTo("2025-01-02T03:04:05Z");
  }

  @Test
  void sarifLog_skeletonAndLocation() {
    Map<String, Object> log =
        SarifLog.of(
            new SarifLog.Driver("t", "1", Optional.of("https://example.org"), List.of()),
            List.of());
    assertThat(log).containsEntry("version", "2.1.0").containsKey("$schema");
    assertThat(SarifLog.location(new SourceLocation("a.yaml", 7, 0)))
        .isEqualTo(
            Map.of(
                "physicalLocation",
                Map.of(
                    "artifactLocation",
                    Map.of("uri", "a.yaml"),
                    "region",
                    Map.of("startLine", 7))));
    assertThat(SarifLog.location(SourceLocation.ofFile("b.yaml")))
        .isEqualTo(Map.of("physicalLocation", Map.of("artifactLocation", Map.of("uri", "b.yaml"))));
    assertThat(SarifLog.fingerprint("x")).hasSize(32).isEqualTo(SarifLog.fingerprint("x"));
  }
}
