package dev.gatehouse.rego;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fuzzes parser, compiler and evaluator: whatever the text, only a {@link RegoException} may
 * escape. Without {@code JAZZER_FUZZ=1} this runs the seeds in {@code RegoFuzzTestInputs}.
 */
class RegoFuzzTest {
  private static final EvalOptions OPTIONS =
      EvalOptions.DEFAULTS.withStepLimit(100_000).withTimeout(Duration.ofSeconds(2));

  @FuzzTest(maxDuration = "20s")
  void fuzz_parseCompileEval(FuzzedDataProvider data) {
    String text = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
    RobustnessTest.exercise(text, OPTIONS);
  }
}
