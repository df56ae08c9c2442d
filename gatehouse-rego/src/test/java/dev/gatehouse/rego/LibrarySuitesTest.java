package dev.gatehouse.rego;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs the Gatekeeper library's gator suites ({@code suite.yaml}) against the Rego of each template
 * with this engine: review input as gator builds it, constraint parameters, {@code data.inventory},
 * kind matching, and the {@code violations}/{@code message} assertions. The library files are read
 * in place under {@code /work/shared/conformance}.
 */
class LibrarySuitesTest {
  private static final Path ROOT = Path.of("/work/shared/conformance/gatekeeper-library");
  private static final Load YAML = new Load(LoadSettings.builder().build());

  @TestFactory
  Stream<DynamicTest> suites_assertionsHold() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(ROOT), "conformance data not present");
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> suites;
    try (Stream<Path> s = Files.walk(ROOT)) {
      suites = s.filter(p -> p.getFileName().toString().equals("suite.yaml")).sorted().toList();
    }
    for (Path suite : suites) {
      Map<String, Object> doc = map(one(suite));
      for (Object t : list(doc.get("tests"))) {
        Map<String, Object> test = map(t);
        Path dir = suite.getParent();
        for (Object c : list(test.get("cases"))) {
          Map<String, Object> kase = map(c);
          String name = ROOT.relativize(dir) + "/" + test.get("name") + "/" + kase.get("name");
          tests.add(DynamicTest.dynamicTest(name, () -> runCase(dir, test, kase)));
        }
      }
    }
    assertThat(tests).hasSizeGreaterThan(100);
    return tests.stream();
  }

  private static void runCase(Path dir, Map<String, Object> test, Map<String, Object> kase)
      throws IOException {
    Path templateFile = dir.resolve((String) Objects.requireNonNull(test.get("template")));
    LibraryTemplatesTest.Template t =
        Objects.requireNonNull(LibraryTemplatesTest.template(templateFile, one(templateFile)));
    List<RegoModule> modules = new ArrayList<>();
    for (int i = 0; i < t.sources().size(); i++) {
      modules.add(new RegoModule(templateFile + "#" + i, t.sources().get(i)));
    }
    CompiledPolicy policy = Rego.compile(modules);
    Map<String, Object> constraint =
        map(one(dir.resolve((String) Objects.requireNonNull(test.get("constraint")))));
    Map<String, Object> cspec = map(constraint.getOrDefault("spec", Map.of()));
    Object params = cspec.getOrDefault("parameters", Map.of());
    Map<String, Object> object =
        map(one(dir.resolve((String) Objects.requireNonNull(kase.get("object")))));
    Map<String, Object> review = review(object);
    List<String> messages = new ArrayList<>();
    if (matches(map(cspec.getOrDefault("match", Map.of())), review)) {
      Map<String, Object> input = Map.of("review", review, "parameters", params);
      Value data = inventory(dir, kase);
      Value v =
          policy
              .value("data." + t.pkg() + ".violation", Value.of(input), data, EvalOptions.DEFAULTS)
              .orElse(SetValue.EMPTY);
      for (Value r : ((SetValue) v).items()) {
        if (r instanceof ObjectValue o && o.get("msg") instanceof StringValue msg) {
          messages.add(msg.value());
        }
      }
    }
    for (Object a : list(kase.get("assertions"))) {
      check(map(a), messages);
    }
  }

  private static void check(Map<String, Object> assertion, List<String> messages) {
    Object msg = assertion.get("message");
    List<String> matching =
        msg == null
            ? messages
            : messages.stream()
                .filter(m -> Pattern.compile(msg.toString()).matcher(m).find())
                .toList();
    Object want = assertion.getOrDefault("violations", "yes");
    String w = String.valueOf(want);
    if (w.equals("yes") || w.equals("true")) {
      assertThat(matching).as("violations matching " + msg + " in " + messages).isNotEmpty();
    } else if (w.equals("no") || w.equals("false")) {
      assertThat(matching).as("violations matching " + msg).isEmpty();
    } else {
      assertThat(matching).as("violations matching " + msg).hasSize(Integer.parseInt(w));
    }
  }

  private static Map<String, Object> review(Map<String, Object> object) {
    if ("AdmissionReview".equals(object.get("kind"))) {
      return map(object.get("request"));
    }
    String apiVersion = String.valueOf(object.get("apiVersion"));
    int slash = apiVersion.indexOf('/');
    Map<String, Object> meta = map(object.getOrDefault("metadata", Map.of()));
    Map<String, Object> r = new HashMap<>();
    r.put(
        "kind",
        Map.of(
            "group", slash < 0 ? "" : apiVersion.substring(0, slash),
            "version", apiVersion.substring(slash + 1),
            "kind", String.valueOf(object.get("kind"))));
    r.put("name", meta.getOrDefault("name", ""));
    r.put("namespace", meta.getOrDefault("namespace", ""));
    r.put("object", object);
    return r;
  }

  private static boolean matches(Map<String, Object> match, Map<String, Object> review) {
    Object kinds = match.get("kinds");
    if (kinds == null) {
      return true;
    }
    Map<String, Object> k = map(review.getOrDefault("kind", Map.of()));
    for (Object entry : list(kinds)) {
      Map<String, Object> e = map(entry);
      List<Object> groups = list(e.getOrDefault("apiGroups", List.of("*")));
      List<Object> ks = list(e.getOrDefault("kinds", List.of("*")));
      boolean g = groups.contains("*") || groups.contains(k.getOrDefault("group", ""));
      boolean kk = ks.contains("*") || ks.contains(k.get("kind"));
      if (g && kk) {
        return true;
      }
    }
    return false;
  }

  private static Value inventory(Path dir, Map<String, Object> kase) throws IOException {
    Map<String, Object> cluster = new HashMap<>();
    Map<String, Object> namespaced = new HashMap<>();
    for (Object f : list(kase.getOrDefault("inventory", List.of()))) {
      for (Object o : YAML.loadAllFromString(Files.readString(dir.resolve((String) f)))) {
        if (o == null) {
          continue;
        }
        Map<String, Object> obj = map(o);
        Map<String, Object> meta = map(obj.getOrDefault("metadata", Map.of()));
        Object ns = meta.get("namespace");
        Map<String, Object> root = ns == null ? cluster : child(namespaced, String.valueOf(ns));
        child(child(root, String.valueOf(obj.get("apiVersion"))), String.valueOf(obj.get("kind")))
            .put(String.valueOf(meta.get("name")), obj);
      }
    }
    return Value.of(Map.of("inventory", Map.of("cluster", cluster, "namespace", namespaced)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.computeIfAbsent(key, k -> new HashMap<String, Object>());
  }

  private static Object one(Path f) throws IOException {
    try (Reader r = Files.newBufferedReader(f)) {
      return YAML.loadFromReader(r);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of();
  }
}
