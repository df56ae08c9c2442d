package dev.gatehouse.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Compiles the Rego of every Gatekeeper library and Azure reference ConstraintTemplate found under
 * {@code /work/shared/conformance} (read in place, never copied) and evaluates {@code violation}
 * against a trivial Pod review.
 */
class LibraryTemplatesTest {
  private static final Path ROOT = Path.of("/work/shared/conformance");
  private static final String POD =
      """
      {"review": {"kind": {"group": "", "version": "v1", "kind": "Pod"},
        "operation": "CREATE", "name": "p", "namespace": "default",
        "object": {"apiVersion": "v1", "kind": "Pod",
          "metadata": {"name": "p", "namespace": "default", "labels": {"app": "x"}},
          "spec": {"containers": [{"name": "c", "image": "nginx:1.25",
            "securityContext": {"privileged": true},
            "resources": {"limits": {"cpu": "500m", "memory": "1Gi"}},
            "ports": [{"containerPort": 80, "hostPort": 80}]}],
            "hostNetwork": true}}},
       "parameters": {}}
      """;

  record Template(Path file, String pkg, List<String> sources) {}

  @TestFactory
  Stream<DynamicTest> templates_compileAndEvaluate() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(ROOT), "conformance data not present");
    List<Template> all = load();
    assertThat(all).hasSizeGreaterThanOrEqualTo(45);
    return all.stream()
        .map(t -> DynamicTest.dynamicTest(ROOT.relativize(t.file()).toString(), () -> check(t)));
  }

  private static void check(Template t) {
    List<RegoModule> modules = new ArrayList<>();
    for (int i = 0; i < t.sources().size(); i++) {
      modules.add(new RegoModule(t.file() + "#" + i, t.sources().get(i)));
    }
    CompiledPolicy p = Rego.compile(modules);
    assertThat(p.hasRule("data." + t.pkg() + ".violation")).isTrue();
    assertThatCode(
            () ->
                p.query(
                    "data." + t.pkg() + ".violation",
                    Value.parseJson(POD),
                    Value.parseJson("{\"inventory\": {}}"),
                    EvalOptions.DEFAULTS))
        .doesNotThrowAnyException();
  }

  static List<Template> load() throws IOException {
    List<Template> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(ROOT)) {
      files = s.filter(f -> f.getFileName().toString().equals("template.yaml")).sorted().toList();
    }
    Load load = new Load(LoadSettings.builder().build());
    for (Path f : files) {
      try (Reader r = Files.newBufferedReader(f)) {
        Object doc = load.loadFromReader(r);
        Template t = template(f, doc);
        if (t != null) {
          out.add(t);
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static @Nullable Template template(Path f, Object doc) {
    Map<String, Object> spec =
        (Map<String, Object>) Objects.requireNonNull(((Map<String, Object>) doc).get("spec"));
    Map<String, Object> target =
        ((List<Map<String, Object>>) Objects.requireNonNull(spec.get("targets"))).getFirst();
    String rego = (String) target.get("rego");
    List<String> libs = (List<String>) target.get("libs");
    if (target.get("code") instanceof List<?> code) {
      for (Object o : code) {
        Map<String, Object> c = (Map<String, Object>) o;
        if ("Rego".equals(c.get("engine"))) {
          Map<String, Object> src = (Map<String, Object>) Objects.requireNonNull(c.get("source"));
          rego = (String) src.get("rego");
          libs = (List<String>) src.get("libs");
        }
      }
    }
    if (rego == null) {
      return null;
    }
    List<String> sources = new ArrayList<>();
    sources.add(rego);
    if (libs != null) {
      sources.addAll(libs);
    }
    String pkg = rego.lines().filter(l -> l.startsWith("package ")).findFirst().orElseThrow();
    return new Template(f, pkg.substring("package ".length()).trim(), sources);
  }
}
