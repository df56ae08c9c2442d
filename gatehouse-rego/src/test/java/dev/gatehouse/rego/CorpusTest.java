package dev.gatehouse.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the language corpus under {@code src/test/resources/cases}: JSON files in OPA's test-case
 * format ({@code cases: [{note, modules, data, input, query, want_result | want_error_code |
 * want_error, strict_error, sort_bindings}]}).
 */
class CorpusTest {
  private static final Path DIR = Path.of("src/test/resources/cases");

  @TestFactory
  Stream<DynamicTest> corpus() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        Value doc = Value.parseJson(Files.readString(f, StandardCharsets.UTF_8));
        ArrayValue cases = (ArrayValue) Objects.requireNonNull(((ObjectValue) doc).get("cases"));
        for (Value c : cases.items()) {
          ObjectValue tc = (ObjectValue) c;
          String note = f.getFileName() + ": " + str(tc, "note");
          tests.add(DynamicTest.dynamicTest(note, () -> run(tc)));
        }
      }
    }
    assertThat(tests).hasSizeGreaterThan(0);
    return tests.stream();
  }

  static int count() throws IOException {
    int n = 0;
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        Value doc = Value.parseJson(Files.readString(f, StandardCharsets.UTF_8));
        n += ((ArrayValue) Objects.requireNonNull(((ObjectValue) doc).get("cases"))).size();
      }
    }
    return n;
  }

  private static String str(ObjectValue o, String key) {
    Value v = o.get(key);
    return v instanceof StringValue s ? s.value() : "";
  }

  private static void run(ObjectValue tc) {
    List<RegoModule> modules = new ArrayList<>();
    Value ms = tc.get("modules");
    if (ms instanceof ArrayValue arr) {
      for (int i = 0; i < arr.size(); i++) {
        modules.add(new RegoModule("test-" + i + ".rego", ((StringValue) arr.get(i)).value()));
      }
    }
    Value data = Objects.requireNonNullElse(tc.get("data"), ObjectValue.EMPTY);
    Value input = tc.get("input");
    boolean strict = BooleanValue.TRUE.equals(tc.get("strict_error"));
    EvalOptions opts = EvalOptions.DEFAULTS.withStrictBuiltinErrors(strict);
    String wantCode = str(tc, "want_error_code");
    String wantError = str(tc, "want_error");
    ResultSet rs;
    try {
      CompiledPolicy p = Rego.compile(modules);
      rs = p.query(str(tc, "query"), input, data, opts);
    } catch (RegoException e) {
      if (wantCode.isEmpty() && wantError.isEmpty()) {
        fail("unexpected error: " + e.getMessage());
      }
      if (!wantCode.isEmpty()) {
        assertThat(e.code()).as(e.getMessage()).isEqualTo(wantCode);
      }
      if (!wantError.isEmpty()) {
        assertThat(e.getMessage()).contains(wantError);
      }
      return;
    }
    if (!wantCode.isEmpty() || !wantError.isEmpty()) {
      fail("expected error " + wantCode + " " + wantError + " but got " + rs.results());
    }
    Value wantDefined = tc.get("want_defined");
    if (wantDefined instanceof BooleanValue b) {
      assertThat(!rs.isEmpty()).isEqualTo(b.value());
      return;
    }
    List<Value> actual = new ArrayList<>();
    for (QueryResult r : rs.results()) {
      actual.add(Value.parseJson(ObjectValue.ofStrings(r.bindings()).toJson()));
    }
    List<Value> want =
        new ArrayList<>(((ArrayValue) Objects.requireNonNull(tc.get("want_result"))).items());
    actual.sort(Comparator.naturalOrder());
    want.sort(Comparator.naturalOrder());
    assertThat(render(actual)).isEqualTo(render(want));
  }

  private static String render(List<Value> vs) {
    return vs.stream().map(Value::toJson).toList().toString();
  }
}
