package dev.gatehouse.netpol.l7;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DNS patterns as Cilium matches them (cases from {@code
 * pkg/fqdn/matchpattern/matchpattern_test.go} and {@code
 * Documentation/security/policy/language.rst}).
 */
class FqdnPatternTest {
  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "cilium.io, cilium.io, true",
    "cilium.io, CILIUM.io., true",
    "cilium.io, sub.cilium.io, false",
    "*.cilium.io, sub.cilium.io, true",
    "*.cilium.io, cilium.io, false",
    "*.cilium.io, a.b.cilium.io, false",
    "*cilium.io, cilium.io, true",
    "*cilium.io, subcilium.io, true",
    "*cilium.io, sub-cilium.io, true",
    "*cilium.io, www.cilium.io, false",
    "part*ial.com, partial.com, true",
    "part*ial.com, part-extra-ial.com, true",
    "part*ial.com, part.ial.com, false",
    "**.cilium.io, a.cilium.io, true",
    "**.cilium.io, a.b.c.cilium.io, true",
    "**.cilium.io, cilium.io, false",
    "***.cilium.io, a.b.cilium.io, true",
    "*, anything.example.org, true",
    "**, a.b, true",
    "*., x, true",
    "sub.*.io, sub.cilium.io, true",
    "sub.*.io, sub.a.b.io, false",
    "a_b.com, a_b.com, true",
  })
  void matches(String pattern, String name, boolean expected) {
    FqdnPattern p = FqdnPattern.ofPattern(pattern);
    assertThat(p.matches(name)).isEqualTo(expected);
    assertThat(Pattern.compile(p.regex()).matcher(FqdnPattern.fqdn(name)).find())
        .as("Cilium's regular expression %s", p.regex())
        .isEqualTo(expected);
  }

  @Test
  void normalization_lowerCaseAndTrailingDot() {
    assertThat(FqdnPattern.ofName("API.Example.COM."))
        .isEqualTo(FqdnPattern.ofName("api.example.com"));
    assertThat(FqdnPattern.ofPattern("*.Example.com").toString()).isEqualTo("*.example.com");
    assertThat(FqdnPattern.ofPattern("*.example.com").normalized()).isEqualTo("*.example.com.");
    assertThat(FqdnPattern.ofPattern("**").toString()).isEqualTo("*");
    assertThat(FqdnPattern.ofName("api.example.com"))
        .isEqualTo(FqdnPattern.ofPattern("api.example.com"));
  }

  @Test
  void covers_isLanguageInclusion() {
    FqdnPattern oneLabel = FqdnPattern.ofPattern("*.example.com");
    FqdnPattern anyDepth = FqdnPattern.ofPattern("**.example.com");
    FqdnPattern api = FqdnPattern.ofName("api.example.com");
    FqdnPattern apiStar = FqdnPattern.ofPattern("api*.example.com");
    FqdnPattern all = FqdnPattern.ofPattern("*");
    assertThat(oneLabel.covers(api)).isTrue();
    assertThat(oneLabel.covers(apiStar)).isTrue();
    assertThat(apiStar.covers(oneLabel)).isFalse();
    assertThat(api.covers(oneLabel)).isFalse();
    assertThat(anyDepth.covers(oneLabel)).isTrue();
    assertThat(oneLabel.covers(anyDepth)).isFalse();
    assertThat(all.covers(anyDepth)).isTrue();
    assertThat(anyDepth.covers(all)).isFalse();
    assertThat(FqdnPattern.ofPattern("*.example.org").covers(api)).isFalse();
    assertThat(FqdnPattern.ofPattern("a*b.com").covers(FqdnPattern.ofPattern("a*x*b.com")))
        .isTrue();
    assertThat(FqdnPattern.ofPattern("a*x*b.com").covers(FqdnPattern.ofPattern("a*b.com")))
        .isFalse();
  }

  @Test
  void covers_agreesWithMatchingOnRandomNames() {
    List<String> patterns =
        List.of(
            "*.ex.com",
            "**.ex.com",
            "a*.ex.com",
            "*a.ex.com",
            "ab.ex.com",
            "*",
            "a*b*.ex.com",
            "x.*.com");
    List<String> labels = List.of("a", "b", "ab", "ba", "x", "ex", "com", "a-b", "aab");
    Random random = new Random(7);
    for (String ps : patterns) {
      for (String qs : patterns) {
        FqdnPattern p = FqdnPattern.ofPattern(ps);
        FqdnPattern q = FqdnPattern.ofPattern(qs);
        if (!p.covers(q)) {
          continue;
        }
        for (int i = 0; i < 300; i++) {
          StringBuilder name = new StringBuilder();
          int n = 1 + random.nextInt(3);
          for (int j = 0; j < n; j++) {
            name.append(labels.get(random.nextInt(labels.size()))).append('.');
          }
          name.append(random.nextBoolean() ? "ex.com" : "com");
          if (q.matches(name.toString())) {
            assertThat(p.matches(name.toString())).as("%s covers %s: %s", ps, qs, name).isTrue();
          }
        }
      }
    }
  }

  @Test
  void validation_rejectsCharactersCiliumRejects() {
    assertThat(FqdnPattern.patternProblem("a/b.com")).isPresent();
    assertThat(FqdnPattern.patternProblem("*.ok-name_1.com")).isEmpty();
    assertThat(FqdnPattern.nameProblem("*.example.com")).isPresent();
    assertThat(FqdnPattern.nameProblem("a".repeat(256))).isPresent();
  }
}
