package dev.gatehouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Label selector semantics and validation. */
class LabelSelectorTest {
  private static KubeObject obj(String selector, Diagnostics d) {
    return KubeLoader.parse(
            "apiVersion: v1\nkind: X\nmetadata: {name: x}\nsel: " + selector + "\n", "s.yaml", d)
        .getFirst();
  }

  private static LabelSelector parse(String selector, Diagnostics d) {
    KubeObject o = obj(selector, d);
    return LabelSelector.parse(o.body().path("sel"), o, "/sel", d)
        .orElse(LabelSelector.of(Map.of("invalid", "")));
  }

  @Test
  void empty_matchesEverything() {
    assertThat(parse("{}", new Diagnostics()).matches(Map.of())).isTrue();
  }

  @Test
  void operators() {
    Diagnostics d = new Diagnostics();
    LabelSelector s =
        parse(
            "{matchLabels: {a: '1'}, matchExpressions: [{key: b, operator: In, values: [x, y]}, {key: c, operator: NotIn, values: [z]}, {key: d, operator: Exists}, {key: e, operator: DoesNotExist}]}",
            d);
    assertThat(d.all()).isEmpty();
    assertThat(s.matches(Map.of("a", "1", "b", "x", "d", ""))).isTrue();
    assertThat(s.matches(Map.of("a", "1", "b", "x", "c", "z", "d", ""))).isFalse();
    assertThat(s.matches(Map.of("a", "1", "b", "q", "d", ""))).isFalse();
    assertThat(s.matches(Map.of("a", "1", "b", "x"))).isFalse();
    assertThat(s.matches(Map.of("a", "1", "b", "x", "d", "", "e", "1"))).isFalse();
    assertThat(s.keys()).containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void invalid_operatorAndValues_areReportedWithLine() {
    Diagnostics d = new Diagnostics();
    KubeObject o = obj("{matchExpressions: [{key: a, operator: Maybe}]}", d);
    assertThat(LabelSelector.parse(o.body().path("sel"), o, "/sel", d)).isEmpty();
    Diagnostics d2 = new Diagnostics();
    KubeObject o2 = obj("{matchExpressions: [{key: a, operator: In, values: []}]}", d2);
    assertThat(LabelSelector.parse(o2.body().path("sel"), o2, "/sel", d2)).isEmpty();
    assertThat(List.of(d.all().size(), d2.all().size())).containsExactly(1, 1);
    assertThat(d.all().getFirst().location().line()).isEqualTo(4);
  }
}
