package dev.gatehouse.cli.netpol;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.InputOptions;
import dev.gatehouse.netpol.engine.Verdict;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse eval}: is one connection allowed? Exit 0 allowed, 1 denied. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Say whether a connection is allowed (exit 0) or denied (exit 1).")
public final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();

  @Mixin ConnectionQuery query = new ConnectionQuery();

  @Override
  public Integer call() {
    NetworkInput in = NetworkInput.load(input, spec.commandLine().getErr());
    Verdict v = query.ask(in.network());
    spec.commandLine()
        .getOut()
        .println(
            (v.allowed() ? "allowed" : "denied")
                + ": "
                + v.src().label()
                + " => "
                + v.dst().label()
                + " "
                + ConnectionQuery.asked(v));
    return v.allowed() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
