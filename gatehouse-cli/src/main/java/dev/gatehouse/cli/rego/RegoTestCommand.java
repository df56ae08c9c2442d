package dev.gatehouse.cli.rego;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.rego.BooleanValue;
import dev.gatehouse.rego.CompiledPolicy;
import dev.gatehouse.rego.EvalOptions;
import dev.gatehouse.rego.RegoException;
import dev.gatehouse.rego.Value;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse rego test}: runs every rule whose name starts with {@code test_} (like {@code
 * opa test}); a test passes when its value is {@code true}. Prints {@code PASS}/{@code FAIL} per
 * test and {@code N passed, N failed}; exits 1 when a test fails.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = "Run test_ rules in Rego files and directories (like opa test).")
public final class RegoTestCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rego/JSON files or directories.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "Time limit per test in seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(
      names = {"-v", "--verbose"},
      description = "Also print the time each test took.")
  boolean verbose;

  @Override
  public Integer call() {
    PolicyFiles files = PolicyFiles.load(paths);
    CompiledPolicy policy = files.compile();
    EvalOptions opts =
        EvalOptions.DEFAULTS.withTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)));
    PrintWriter out =
        spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
    int passed = 0;
    int failed = 0;
    for (String rule : policy.rules()) {
      if (!isTest(rule) || !policy.hasRule(rule)) {
        continue;
      }
      long start = System.nanoTime();
      String problem = run(policy, rule, files.data(), opts);
      String took = verbose ? String.format(" (%.3fms)", (System.nanoTime() - start) / 1e6) : "";
      if (problem == null) {
        passed++;
        out.println("PASS " + rule + took);
      } else {
        failed++;
        out.println("FAIL " + rule + took + problem);
      }
    }
    out.println(passed + " passed, " + failed + " failed");
    out.flush();
    return failed > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private static boolean isTest(String path) {
    return path.substring(path.lastIndexOf('.') + 1).startsWith("test_");
  }

  /** Null when the test passes, else a description of the failure. */
  private static @Nullable String run(
      CompiledPolicy policy, String rule, Value data, EvalOptions o) {
    try {
      Optional<Value> v = policy.value(rule, null, data, o);
      if (v.isPresent() && v.get().equals(BooleanValue.TRUE)) {
        return null;
      }
      return v.isEmpty() ? " (undefined)" : " (value " + v.get() + ")";
    } catch (RegoException e) {
      return "\n  " + e.getMessage();
    }
  }
}
