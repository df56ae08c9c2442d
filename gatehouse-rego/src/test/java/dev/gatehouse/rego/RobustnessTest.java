package dev.gatehouse.rego;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutates every module of the language corpus at random (fixed seed) and checks that parsing,
 * compiling and evaluating the result never throws anything but {@link RegoException}.
 */
class RobustnessTest {
  private static final EvalOptions OPTIONS =
      EvalOptions.DEFAULTS.withStepLimit(100_000).withTimeout(Duration.ofSeconds(2));
  private static final String TOKENS = "{}[]()=:;,.|&+-*/%<>!\"`_ \n\t#xyz019";
  private static final String[] WORDS = {
    "not ", "some ", "with input as ", " else ", "default ", "import future.keywords\n", "every ",
    " in ", " if ", " contains ", "set()", "[x | x := input[_]]", "{k: v | v := data[k]}", "_",
    ":=", "==", "count(", "sprintf(\"%v\", [", "numbers.range(1, 5)", "data.test.", "input."
  };

  /** Parses, compiles and evaluates {@code text} as a module body and as a query. */
  static void exercise(String text, EvalOptions options) {
    try {
      CompiledPolicy p =
          Rego.compile(List.of(new RegoModule("fuzz.rego", "package fuzz\n" + text)));
      p.query("data.fuzz", Value.parseJson("{\"a\": [1, \"x\"]}"), ObjectValue.EMPTY, options);
    } catch (RegoException expected) {
      // typed errors are the contract
    }
    try {
      Rego.compile(List.of()).query(text, null, ObjectValue.EMPTY, options);
    } catch (RegoException expected) {
      // typed errors are the contract
    }
  }

  @Test
  void mutatedCorpus_onlyRegoExceptionsEscape() throws IOException {
    List<String> sources = corpusModules();
    SplittableRandom rnd = new SplittableRandom(20240601L);
    for (int i = 0; i < 3000; i++) {
      String src = mutate(sources.get(rnd.nextInt(sources.size())), rnd);
      assertThatCode(() -> exercise(src, OPTIONS)).as(src).doesNotThrowAnyException();
    }
  }

  @Test
  void pathologicalInputs_onlyRegoExceptionsEscape() {
    List<String> inputs =
        List.of(
            "",
            "p",
            "p = " + "[".repeat(5000),
            "p = " + "(".repeat(5000) + "1" + ")".repeat(5000),
            "p { " + "not ".repeat(3000) + "true }",
            "p = \"\\u12\"",
            "p = 1e99999999999",
            "p = 9" + "9".repeat(400) + " * 9" + "9".repeat(400),
            "p = `unterminated",
            "p[x] = y",
            "f(x) = f(x)\np = f(1)",
            "p = numbers.range(1, 1e12)",
            "p = [x | x := numbers.range(1, 100000)[_]; y := numbers.range(1, 100000)[_]]");
    for (String s : inputs) {
      assertThatCode(() -> exercise(s, OPTIONS)).as(s).doesNotThrowAnyException();
    }
  }

  private static String mutate(String s, SplittableRandom rnd) {
    StringBuilder sb = new StringBuilder(s);
    int n = 1 + rnd.nextInt(4);
    for (int k = 0; k < n; k++) {
      int pos = sb.isEmpty() ? 0 : rnd.nextInt(sb.length());
      switch (rnd.nextInt(4)) {
        case 0 -> {
          if (!sb.isEmpty()) {
            sb.deleteCharAt(pos);
          }
        }
        case 1 -> sb.insert(pos, TOKENS.charAt(rnd.nextInt(TOKENS.length())));
        case 2 -> sb.insert(pos, WORDS[rnd.nextInt(WORDS.length)]);
        default -> {
          int end = Math.min(sb.length(), pos + rnd.nextInt(20));
          String cut = sb.substring(pos, end);
          sb.delete(pos, end);
          sb.insert(sb.isEmpty() ? 0 : rnd.nextInt(sb.length() + 1), cut);
        }
      }
    }
    return sb.toString().replaceFirst("^package [a-z.]+\\n", "");
  }

  static List<String> corpusModules() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/cases"))) {
      for (Path f : files.sorted().toList()) {
        ObjectValue doc =
            (ObjectValue) Value.parseJson(Files.readString(f, StandardCharsets.UTF_8));
        for (Value c : ((ArrayValue) Objects.requireNonNull(doc.get("cases"))).items()) {
          Value ms = ((ObjectValue) c).get("modules");
          if (ms instanceof ArrayValue arr) {
            arr.items().forEach(m -> out.add(((StringValue) m).value()));
          }
          Value q = ((ObjectValue) c).get("query");
          if (q instanceof StringValue qs) {
            out.add(qs.value());
          }
        }
      }
    }
    return out;
  }
}
