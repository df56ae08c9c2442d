package dev.gatehouse.cli.rego;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.rego.CompiledPolicy;
import dev.gatehouse.rego.EvalOptions;
import dev.gatehouse.rego.RegoException;
import dev.gatehouse.rego.ResultSet;
import dev.gatehouse.rego.Value;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse rego eval}: evaluates a query and prints the result set as {@code opa eval}'s
 * default JSON output.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Evaluate a Rego query against policy files, input and data (like opa eval).")
public final class RegoEvalCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Option(
      names = {"-d", "--data-path"},
      paramLabel = "PATH",
      description = "Rego (.rego) or JSON data (.json) file or directory; repeatable.")
  List<Path> dataPaths = new ArrayList<>();

  @Option(
      names = {"-i", "--input"},
      paramLabel = "FILE",
      description = "Input document (JSON).")
  @Nullable Path input;

  @Option(names = "--data", paramLabel = "FILE", description = "Base data document (JSON).")
  @Nullable Path data;

  @Option(
      names = "--strict-builtin-errors",
      description = "Fail on builtin errors instead of treating them as undefined.")
  boolean strict;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "Evaluation time limit in seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Parameters(
      index = "0",
      paramLabel = "QUERY",
      description = "The query, e.g. data.k8s.violation.")
  String query = "";

  @Override
  public Integer call() {
    PolicyFiles files = PolicyFiles.load(dataPaths);
    Value base = files.data();
    if (data != null) {
      base = PolicyFiles.merge(base, PolicyFiles.json(data));
    }
    Value in = input == null ? null : PolicyFiles.json(input);
    CompiledPolicy policy = files.compile();
    EvalOptions opts =
        EvalOptions.DEFAULTS
            .withStrictBuiltinErrors(strict)
            .withTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)));
    ResultSet rs;
    try {
      rs = policy.query(query, in, base, opts);
    } catch (RegoException e) {
      throw new UserException(e.getMessage());
    }
    PrintWriter out =
        spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
    out.println(rs.toValue().toPrettyJson());
    out.flush();
    return ExitCodes.OK;
  }
}
