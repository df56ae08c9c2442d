package dev.gatehouse.cli.netpol;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.InputOptions;
import dev.gatehouse.netpol.engine.L7Constraint;
import dev.gatehouse.netpol.engine.Reason;
import dev.gatehouse.netpol.engine.RequestCheck;
import dev.gatehouse.netpol.engine.Verdict;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse eval}: is one connection (and, with {@code --http-*}, one request) allowed? Exit
 * 0 allowed, 1 denied. The first line is the verdict; then one line per L7 rule set filtering the
 * connection and one per request check, naming the policy and rule that decided it.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Say whether a connection is allowed (exit 0) or denied (exit 1).")
public final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();

  @Mixin EngineOption engine = new EngineOption();

  @Mixin ConnectionQuery query = new ConnectionQuery();

  @Override
  public Integer call() {
    NetworkInput in = NetworkInput.load(input, engine.options(), spec.commandLine().getErr());
    Verdict v = query.ask(in.network());
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        (v.allowed() ? "allowed" : "denied")
            + ": "
            + v.src().label()
            + " => "
            + v.dst().label()
            + " "
            + ConnectionQuery.asked(v));
    for (L7Constraint c : v.l7()) {
      out.println("  L7: " + c.conns() + " " + c.rulesText());
    }
    for (RequestCheck c : v.checks()) {
      Reason decisive =
          c.reasons().stream()
              .filter(r -> (r.effect() == Reason.Effect.DENY) != c.allowed())
              .findFirst()
              .orElse(c.reasons().getFirst());
      out.println(
          "  " + c.what() + ": " + (c.allowed() ? "allowed" : "denied") + " - " + decisive.text());
    }
    return v.allowed() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
