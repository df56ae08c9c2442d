package dev.gatehouse.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitsTest {
  private static CompiledPolicy policy(String body) {
    return Rego.compile(List.of(new RegoModule("limits.rego", "package limits\n\n" + body)));
  }

  @Test
  void query_hugeRangeComprehension_endsWithCancelError() {
    CompiledPolicy p = policy("p = count([x | x := numbers.range(1, 1e9)[_]])");
    long start = System.nanoTime();
    assertThatThrownBy(
            () -> p.query("data.limits.p", null, ObjectValue.EMPTY, EvalOptions.DEFAULTS))
        .isInstanceOf(RegoException.class)
        .satisfies(e -> assertThat(((RegoException) e).code()).isEqualTo("eval_cancel_error"))
        .hasMessageContaining("step limit");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void query_nestedIteration_endsAtStepLimit() {
    CompiledPolicy p =
        policy(
            "p = count([1 | numbers.range(1, 5000)[_]; numbers.range(1, 5000)[_];"
                + " numbers.range(1, 5000)[_]])");
    assertThatThrownBy(
            () ->
                p.query(
                    "data.limits.p",
                    null,
                    ObjectValue.EMPTY,
                    EvalOptions.DEFAULTS.withStepLimit(1_000_000)))
        .isInstanceOf(RegoException.class)
        .hasMessageContaining("eval_cancel_error");
  }

  @Test
  void query_slowPolicy_endsAtTimeout() {
    CompiledPolicy p =
        policy(
            "p = count([1 | numbers.range(1, 3000)[_]; numbers.range(1, 3000)[_]; numbers.range(1, 3000)[_]])");
    EvalOptions opts =
        EvalOptions.DEFAULTS.withStepLimit(Long.MAX_VALUE).withTimeout(Duration.ofMillis(200));
    long start = System.nanoTime();
    assertThatThrownBy(() -> p.query("data.limits.p", null, ObjectValue.EMPTY, opts))
        .isInstanceOf(RegoException.class)
        .hasMessageContaining("timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void query_withinLimits_succeeds() {
    CompiledPolicy p = policy("p = count([x | x := numbers.range(1, 1000)[_]])");
    assertThat(p.value("data.limits.p", null, ObjectValue.EMPTY, EvalOptions.DEFAULTS))
        .contains(NumberValue.of(1000));
  }
}
