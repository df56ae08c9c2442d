package dev.gatehouse.netpol.l7;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.netpol.l7.HttpRule.HeaderMatch;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** HTTP rules with Envoy's full-match RE2 semantics. */
class HttpRuleTest {
  private static HttpRequest req(String method, String path) {
    return new HttpRequest(method, path, Optional.empty(), List.of());
  }

  @Test
  void method_and_path_areFullMatches() {
    HttpRule r = new HttpRule("GET", "/api/inventory/.*", "", List.of());
    assertThat(r.matches(req("GET", "/api/inventory/item123"))).isTrue();
    assertThat(r.matches(req("DELETE", "/api/inventory/item123"))).isFalse();
    assertThat(r.matches(req("GETX", "/api/inventory/item123"))).isFalse();
    assertThat(r.matches(req("GET", "/v2/api/inventory/x"))).isFalse();
    assertThat(r.mismatch(req("POST", "/api/inventory/x")))
        .contains("method POST does not match GET");
  }

  @Test
  void path_includesTheQueryString() {
    HttpRule r = new HttpRule("", "/public", "", List.of());
    assertThat(r.matches(req("GET", "/public"))).isTrue();
    assertThat(r.matches(req("GET", "/public?x=1"))).isFalse();
    assertThat(r.matches(req("GET", "/public/x"))).isFalse();
  }

  @Test
  void regexAlternatives_areAnchoredAsAWhole() {
    HttpRule r = new HttpRule("GET|HEAD", "", "", List.of());
    assertThat(r.matches(req("HEAD", "/"))).isTrue();
    assertThat(r.matches(req("GETS", "/"))).isFalse();
  }

  @Test
  void host_mustMatchWhenSet() {
    HttpRule r = new HttpRule("", "", "shop[.]example[.]com", List.of());
    assertThat(r.matches(new HttpRequest("GET", "/", Optional.of("shop.example.com"), List.of())))
        .isTrue();
    assertThat(r.matches(new HttpRequest("GET", "/", Optional.of("shopXexample.com"), List.of())))
        .isFalse();
    assertThat(r.matches(req("GET", "/"))).isFalse();
  }

  @Test
  void headers_presenceValueReportOnlyAndSecret() {
    HttpRequest withToken =
        new HttpRequest(
            "GET", "/", Optional.empty(), List.of(new HttpRequest.Header("X-Token", "abc")));
    HeaderMatch present = new HeaderMatch("x-token", Optional.empty(), HeaderMatch.Mode.REQUIRE);
    HeaderMatch value = new HeaderMatch("X-Token", Optional.of("abc"), HeaderMatch.Mode.REQUIRE);
    HeaderMatch other = new HeaderMatch("X-Token", Optional.of("xyz"), HeaderMatch.Mode.REQUIRE);
    HeaderMatch logged = new HeaderMatch("X-Other", Optional.of("1"), HeaderMatch.Mode.REPORT_ONLY);
    HeaderMatch secret = new HeaderMatch("X-Token", Optional.empty(), HeaderMatch.Mode.SECRET);
    assertThat(new HttpRule("", "", "", List.of(present)).matches(withToken)).isTrue();
    assertThat(new HttpRule("", "", "", List.of(value)).matches(withToken)).isTrue();
    assertThat(new HttpRule("", "", "", List.of(other)).matches(withToken)).isFalse();
    assertThat(new HttpRule("", "", "", List.of(present)).matches(req("GET", "/"))).isFalse();
    assertThat(new HttpRule("", "", "", List.of(logged)).matches(withToken)).isTrue();
    assertThat(new HttpRule("", "", "", List.of(secret)).matches(withToken)).isFalse();
  }

  @Test
  void rules_areSortedDeduplicatedAndOred() {
    HttpRule get = new HttpRule("GET", "/a", "", List.of());
    HttpRule post = new HttpRule("POST", "/b", "", List.of());
    L7Rules rules = L7Rules.ofHttp(List.of(post, get, post));
    assertThat(rules.toString()).isEqualTo("HTTP GET /a | HTTP POST /b");
    assertThat(rules.admitting(req("POST", "/b"))).contains(post);
    assertThat(rules.admitting(req("PUT", "/b"))).isEmpty();
    assertThat(rules.union(L7Rules.ofDns(List.of(FqdnPattern.ofPattern("*.x.com")))).toString())
        .isEqualTo("HTTP GET /a | HTTP POST /b | DNS *.x.com");
  }

  @Test
  void invalidRegex_isReported() {
    assertThat(HttpRule.regexProblem("/a((")).isPresent();
    assertThat(HttpRule.regexProblem("(?<=a)b")).isPresent();
    assertThat(HttpRule.regexProblem("/api/.*")).isEmpty();
  }
}
