package dev.gatehouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML features and failures of the loader, each with the tree and lines it must give. */
class YamlReaderTest {
  private static final String HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n";

  private static List<KubeObject> parse(String text, Diagnostics d) {
    return KubeLoader.parse(text, "f.yaml", d);
  }

  private static KubeObject one(String text) {
    Diagnostics d = new Diagnostics();
    List<KubeObject> objs = parse(text, d);
    assertThat(d.all()).isEmpty();
    assertThat(objs).hasSize(1);
    return objs.getFirst();
  }

  private static Diagnostic error(String text) {
    Diagnostics d = new Diagnostics();
    assertThat(parse(text, d)).isEmpty();
    assertThat(d.all()).hasSize(1);
    return d.all().getFirst();
  }

  @Test
  void coreSchemaScalars_resolveLikeYaml12() {
    KubeObject o =
        one(
            HEAD
                + "data:\n  a: 0o17\n  b: 0x1F\n  c: 1e3\n  d: ~\n  e: yes\n  f: +12\n  g: 1_000\n"
                + "  h: True\n  i: \"true\"\n  j: 99999999999999999999\n  k: -.5\n  l: 'it''s'\n"
                + "  m: null\n  n: on\n  o: 012\n  p: 1.\n  q: .inf\n  r: plain # comment\n");
    assertThat(o.body().get("data").toString())
        .isEqualTo(
            "{\"a\":15,\"b\":31,\"c\":1E+3,\"d\":null,\"e\":\"yes\",\"f\":12,\"g\":\"1_000\","
                + "\"h\":true,\"i\":\"true\",\"j\":99999999999999999999,\"k\":-0.5,"
                + "\"l\":\"it's\",\"m\":null,\"n\":\"on\",\"o\":12,\"p\":1,\"q\":\"Infinity\","
                + "\"r\":\"plain\"}");
    assertThat(o.locate("/data/r").line()).isEqualTo(23);
  }

  @Test
  void explicitTags_overrideResolution() {
    KubeObject o = one(HEAD + "data:\n  a: !!str 12\n  b: !!int \"12\"\n  c: !custom bar\n");
    assertThat(o.body().get("data").toString()).isEqualTo("{\"a\":\"12\",\"b\":12,\"c\":\"bar\"}");
  }

  @Test
  void badlyTaggedScalar_isAnErrorNamingTheDocument() {
    Diagnostic e = error(HEAD + "data:\n  d: !!int abc\n");
    assertThat(e.code()).isEqualTo("yaml-syntax");
    assertThat(e.message()).contains("abc").contains("document skipped");
  }

  @Test
  void blockScalars_andMultiLinePlainScalars() {
    KubeObject o =
        one(
            HEAD
                + "data:\n  a: |\n    line1\n    line2\n  b: >-\n    folded\n    text\n"
                + "  c: plain\n    continued\n  d: x\n");
    assertThat(o.body().get("data").toString())
        .isEqualTo(
            "{\"a\":\"line1\\nline2\\n\",\"b\":\"folded text\",\"c\":\"plain continued\","
                + "\"d\":\"x\"}");
    assertThat(o.locate("/data/d").line()).isEqualTo(14);
  }

  @Test
  void aliases_shareTheAnchoredValueAndItsLines() {
    KubeObject o =
        one(
            HEAD
                + "labels: &l\n  app: web\n  tier: front\nspec:\n  selector: *l\n"
                + "  ports:\n  - &p 80\n  - *p\n");
    assertThat(o.body().at("/spec/selector").toString())
        .isEqualTo("{\"app\":\"web\",\"tier\":\"front\"}");
    assertThat(o.body().at("/spec/ports").toString()).isEqualTo("[80,80]");
    assertThat(o.locate("/spec/selector/tier").line()).isEqualTo(7);
    assertThat(o.locate("/spec/ports/1").line()).isEqualTo(11);
  }

  @Test
  void mergeKeys_addMissingFieldsAfterTheOwnOnes() {
    KubeObject o =
        one(
            HEAD
                + "base: &b {a: 1, c: 3}\nmore: &m\n  d: 4\ndata:\n  <<: [*b, *m]\n  a: 2\n"
                + "  b: 2\n");
    assertThat(o.body().get("data").toString()).isEqualTo("{\"a\":2,\"b\":2,\"c\":3,\"d\":4}");
    assertThat(o.locate("/data/a").line()).isEqualTo(10);
    assertThat(o.locate("/data/c").line()).isEqualTo(5);
    assertThat(o.locate("/data/d").line()).isEqualTo(7);
  }

  @Test
  void recursiveAlias_isAnErrorNotACrash() {
    Diagnostic e = error(HEAD + "spec: &s\n  self: *s\n");
    assertThat(e.code()).isEqualTo("yaml-structure");
    assertThat(e.location().line()).isEqualTo(6);
    assertThat(e.message()).contains("*s").contains("cycle");
  }

  @Test
  void undefinedAlias_isASyntaxError() {
    Diagnostic e = error(HEAD + "spec:\n  a: *nowhere\n");
    assertThat(e.render())
        .isEqualTo(
            "f.yaml:6: YAML syntax error: found undefined alias nowhere;" + " document skipped");
  }

  @Test
  void aliasBomb_isRefused() {
    StringBuilder s = new StringBuilder(HEAD + "a0: &a0 [x, x]\n");
    for (int i = 1; i < 40; i++) {
      s.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1);
      s.append(", *a").append(i - 1).append("]\n");
    }
    Diagnostic e = error(s.toString());
    assertThat(e.code()).isEqualTo("yaml-structure");
    assertThat(e.message()).contains("aliases expand");
  }

  @Test
  void veryDeepNesting_isAnErrorWithItsLine() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    Diagnostic e = error(HEAD + "data:\n  a: " + deep + "\n");
    assertThat(e.code()).isEqualTo("yaml-structure");
    assertThat(e.message()).contains("nesting deeper than 1000 levels");
    assertThat(e.location().line()).isEqualTo(6);
  }

  @Test
  void veryDeepBlockNesting_isAnErrorNotACrash() {
    StringBuilder s = new StringBuilder(HEAD + "data:\n");
    for (int i = 0; i < 3000; i++) {
      s.append("  ".repeat(i)).append("- k").append(i).append(":\n");
    }
    Diagnostic e = error(s.toString());
    assertThat(e.code()).isEqualTo("yaml-structure");
    assertThat(e.message()).contains("nesting deeper than 1000 levels");
  }

  @Test
  void deepButAllowedNesting_isRead() {
    StringBuilder s = new StringBuilder(HEAD + "data:\n");
    for (int i = 1; i <= 300; i++) {
      s.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    KubeObject o = one(s.toString());
    assertThat(o.locate("/data/k1/k2/k3").line()).isEqualTo(8);
  }

  @Test
  void duplicateKey_isReportedAtTheSecondKey() {
    Diagnostic e = error(HEAD + "spec:\n  a: 1\n  b: 2\n  a: 3\n");
    assertThat(e.render()).isEqualTo("f.yaml:8: duplicate key \"a\"; document skipped");
  }

  @Test
  void syntaxErrorAnywhere_winsOverAStructureProblem() {
    Diagnostic e = error(HEAD + "spec:\n  a: 1\n  a: 2\n  b: [unclosed\n");
    assertThat(e.code()).isEqualTo("yaml-syntax");
  }

  @Test
  void complexKey_isReportedAtTheKey() {
    Diagnostic e = error(HEAD + "? [a, b]\n: c\n");
    assertThat(e.render()).isEqualTo("f.yaml:5: a mapping key must be a scalar; document skipped");
  }

  @Test
  void crlfLineEnds_andCommentsAndMarkers() {
    String text =
        "# leading comment\r\n---\r\n"
            + HEAD.replace("\n", "\r\n")
            + "data:   # c\r\n  a: b\r\n"
            + "...\r\n--- # only a comment\r\n# nothing\r\n";
    KubeObject o = one(text);
    assertThat(o.location().line()).isEqualTo(3);
    assertThat(o.locate("/data/a").line()).isEqualTo(8);
    assertThat(o.body().get("data").toString()).isEqualTo("{\"a\":\"b\"}");
  }

  @Test
  void documentOnTheMarkerLine_isRead() {
    KubeObject o = one("--- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n");
    assertThat(o.name()).isEqualTo("b");
    assertThat(o.location().line()).isEqualTo(1);
  }

  @Test
  void indentlessAndIndentedSequences_keepItemLines() {
    KubeObject o =
        one(
            HEAD
                + "items2:\n- a: 1\n  b: 2\n-\n  c: 3\n- plain\nnested:\n  list:\n    - x\n"
                + "    - - y\n");
    assertThat(o.body().get("items2").toString())
        .isEqualTo("[{\"a\":1,\"b\":2},{\"c\":3},\"plain\"]");
    assertThat(o.locate("/items2/1").line()).isEqualTo(9);
    assertThat(o.locate("/items2/2").line()).isEqualTo(10);
    assertThat(o.body().at("/nested/list").toString()).isEqualTo("[\"x\",[\"y\"]]");
    assertThat(o.locate("/nested/list/1/0").line()).isEqualTo(14);
  }

  @Test
  void typedListItems_getKindAndLines() {
    Diagnostics d = new Diagnostics();
    List<KubeObject> objs =
        parse(
            "apiVersion: v1\nkind: PodList\nitems:\n- metadata:\n    name: a\n"
                + "- metadata:\n    name: b\n  spec:\n    containers: []\n",
            d);
    assertThat(d.all()).isEmpty();
    assertThat(objs).extracting(KubeObject::kind).containsExactly("Pod", "Pod");
    assertThat(objs.get(1).location().line()).isEqualTo(6);
    assertThat(objs.get(1).locate("/spec/containers").line()).isEqualTo(9);
    assertThat(objs.get(1).locate("/spec/missing").line()).isEqualTo(8);
    assertThat(objs.get(1).lines().lineOf("/metadata/name")).isEqualTo(7);
  }

  @Test
  void hugeDocument_isReadWithItsLastLine() {
    StringBuilder s = new StringBuilder(HEAD + "data:\n");
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      s.append("  k").append(i).append(": v").append(i).append('\n');
    }
    KubeObject o = one(s.toString());
    assertThat(o.body().get("data").size()).isEqualTo(n);
    assertThat(o.locate("/data/k" + (n - 1)).line()).isEqualTo(5 + n);
  }

  @Test
  void tabsAndUnicode_areReadByTheGeneralReader() {
    KubeObject o =
        one(HEAD + "data:\n  a: \"caf\u00e9\"\n  b: x\tand tab\n  c: \"esc\\u00e9\\n\"\n");
    assertThat(o.body().get("data").toString())
        .isEqualTo("{\"a\":\"caf\u00e9\",\"b\":\"x\\tand tab\",\"c\":\"esc\u00e9\\n\"}");
  }

  @Test
  void jsonRepeatedName_lastValueAndLineWin() {
    Diagnostics d = new Diagnostics();
    List<KubeObject> objs =
        KubeLoader.parse(
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\",\n \"metadata\": {\"name\": \"x\"},\n"
                + " \"data\": {\"a\": 1,\n \"a\": 2}}",
            "f.json",
            d);
    assertThat(objs.getFirst().body().at("/data/a").asInt()).isEqualTo(2);
    assertThat(objs.getFirst().locate("/data/a").line()).isEqualTo(4);
  }

  @Test
  void tabStartingALineInsideAFlowSequence_isSeparationWhitespace() {
    String tabbed =
        HEAD + "data:\n  args: [\n    \"-jar\",\n\t    \"-Dx=1\", # c [\n    'a]b',\n  ]\n  k: v\n";
    KubeObject o = one(tabbed);
    assertThat(o.body().get("data").toString())
        .isEqualTo("{\"args\":[\"-jar\",\"-Dx=1\",\"a]b\"],\"k\":\"v\"}");
    assertThat(o.locate("/data/k").line()).isEqualTo(11);
  }

  @Test
  void tabInBlockIndentation_staysAnErrorThatSaysTab() {
    Diagnostic e = error(HEAD + "data:\n\tk: v\n");
    assertThat(e.code()).isEqualTo("yaml-syntax");
    assertThat(e.message()).contains("indented with a tab");
    assertThat(e.location().line()).isEqualTo(6);
  }

  @Test
  void bracketInsideAPlainScalar_doesNotOpenAFlowCollection() {
    assertThat(FlowTabs.untab("a: x[1\n\tb: 2\n")).isEqualTo("a: x[1\n\tb: 2\n");
    assertThat(FlowTabs.untab("a: [1,\n\t2]\n")).isEqualTo("a: [1,\n 2]\n");
    assertThat(FlowTabs.untab("a: \"[\"\n\tb\n")).isEqualTo("a: \"[\"\n\tb\n");
  }
}
