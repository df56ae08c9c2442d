package dev.gatehouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading: every kind of good and bad input named by the foundation issue. */
class KubeLoaderTest {
  @TempDir Path dir;

  private static final String POD =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: %s, namespace: ns}\nspec: {containers: [{name: c}]}\n";

  private List<KubeObject> load(Diagnostics d, String... paths) {
    return KubeLoader.standard().load(List.of(paths), d);
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void multiDocumentYaml_keepsFileAndLine() throws IOException {
    Path f = write("a.yaml", POD.formatted("a") + "---\n" + POD.formatted("b"));
    Diagnostics d = new Diagnostics();
    List<KubeObject> objs = load(d, f.toString());
    assertThat(objs).extracting(KubeObject::name).containsExactly("a", "b");
    assertThat(objs.get(1).location().line()).isEqualTo(6);
    assertThat(objs.get(1).locate("/spec/containers").line()).isEqualTo(9);
    assertThat(d.all()).isEmpty();
  }

  @Test
  void yamlSyntaxError_skipsOnlyThatDocument_withItsLine() throws IOException {
    Path f =
        write(
            "a.yaml",
            POD.formatted("a")
                + "---\nkind: Pod\nmetadata: {name: [oops\n---\n"
                + POD.formatted("c"));
    Diagnostics d = new Diagnostics();
    List<KubeObject> objs = load(d, f.toString());
    assertThat(objs).extracting(KubeObject::name).containsExactly("a", "c");
    assertThat(d.all())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.severity()).isEqualTo(Severity.ERROR);
              assertThat(x.code()).isEqualTo("yaml-syntax");
              assertThat(x.location().line()).isBetween(6, 8);
              assertThat(x.render()).startsWith(f + ":").contains("document skipped");
            });
  }

  @Test
  void jsonThatIsNotAnObject_isReportedAndSkipped() throws IOException {
    Path f = write("out.json", "[{\"src\": \"a\"}]");
    Diagnostics d = new Diagnostics();
    assertThat(load(d, f.toString())).isEmpty();
    assertThat(d.all())
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("not a Kubernetes object"));
  }

  @Test
  void jsonWithoutKind_isReported() throws IOException {
    Path f = write("x.json", "{\n  \"metadata\": {\"name\": \"x\"}\n}");
    Diagnostics d = new Diagnostics();
    assertThat(load(d, f.toString())).isEmpty();
    assertThat(d.all())
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("missing kind"));
  }

  @Test
  void jsonSyntaxError_namesTheLine() throws IOException {
    Path f = write("x.json", "{\n  \"kind\": \"Pod\",\n  \"apiVersion\" \"v1\"\n}");
    Diagnostics d = new Diagnostics();
    load(d, f.toString());
    assertThat(d.all())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("json-syntax");
              assertThat(x.location().line()).isEqualTo(3);
            });
  }

  @Test
  void lists_areFlattened_typedItemsGetTheirKind() throws IOException {
    Path f =
        write(
            "l.yaml",
            "apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: a}\n- metadata: {name: b}\n---\n"
                + "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: n}\n");
    Diagnostics d = new Diagnostics();
    List<KubeObject> objs = load(d, f.toString());
    assertThat(objs).extracting(KubeObject::kind).containsExactly("Pod", "Pod", "Namespace");
    assertThat(objs.get(1).location().line()).isEqualTo(5);
  }

  @Test
  void directory_isRecursive_andReadsOnlyYamlAndJson() throws IOException {
    write("a.yaml", POD.formatted("a"));
    write("sub/b.yml", POD.formatted("b"));
    write(
        "sub/deeper/c.json",
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"c\"}}");
    write("notes.txt", "not yaml: [");
    Diagnostics d = new Diagnostics();
    assertThat(load(d, dir.toString()))
        .extracting(KubeObject::name)
        .containsExactlyInAnyOrder("a", "b", "c");
    assertThat(d.all()).isEmpty();
  }

  @Test
  void stdin_isRead() {
    Diagnostics d = new Diagnostics();
    KubeLoader loader =
        KubeLoader.withStdin(
            new ByteArrayInputStream(POD.formatted("s").getBytes(StandardCharsets.UTF_8)));
    List<KubeObject> objs = loader.load(List.of("-"), d);
    assertThat(objs)
        .singleElement()
        .satisfies(o -> assertThat(o.location().file()).isEqualTo("<stdin>"));
  }

  @Test
  void missingPath_isAnError() {
    Diagnostics d = new Diagnostics();
    load(d, dir.resolve("nope.yaml").toString());
    assertThat(d.all())
        .singleElement()
        .satisfies(x -> assertThat(x.code()).isEqualTo("no-such-file"));
  }

  @Test
  void yamlOneDotTwo_yesAndNoStayStrings() {
    Diagnostics d = new Diagnostics();
    List<KubeObject> objs =
        KubeLoader.parse(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: yes, b: no, c: 010}\n",
            "x.yaml",
            d);
    assertThat(objs.getFirst().body().path("data").path("a").isTextual()).isTrue();
    assertThat(objs.getFirst().body().path("data").path("b").asText()).isEqualTo("no");
  }

  @Test
  void duplicateKeys_areAnError() {
    Diagnostics d = new Diagnostics();
    List<KubeObject> objs =
        KubeLoader.parse(
            "apiVersion: v1\nkind: Pod\nkind: Pod\nmetadata: {name: x}\n", "x.yaml", d);
    assertThat(objs).isEmpty();
    assertThat(d.hasErrors()).isTrue();
  }
}
