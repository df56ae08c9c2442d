package dev.gatehouse.cli.netpol;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.InputOptions;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.netpol.engine.DirectionVerdict;
import dev.gatehouse.netpol.engine.L7Constraint;
import dev.gatehouse.netpol.engine.Reason;
import dev.gatehouse.netpol.engine.RequestCheck;
import dev.gatehouse.netpol.engine.Verdict;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse explain}: the verdict of each side of a connection and every policy and rule
 * responsible, including implicit default deny.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Explain why a connection is allowed or denied: each side, each responsible rule.")
public final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();

  @Mixin EngineOption engine = new EngineOption();

  @Mixin ConnectionQuery query = new ConnectionQuery();

  @Option(
      names = {"-o", "--output"},
      defaultValue = "txt",
      description = "txt or json (default: ${DEFAULT-VALUE}).")
  String output = "txt";

  @Override
  public Integer call() {
    if (!output.equals("txt") && !output.equals("json")) {
      throw new UserException(
          "unknown output format \"" + output + "\" (txt, json)", ExitCodes.USAGE);
    }
    NetworkInput in = NetworkInput.load(input, engine.options(), spec.commandLine().getErr());
    Verdict v = query.ask(in.network());
    PrintWriter out = spec.commandLine().getOut();
    out.println(output.equals("json") ? VerdictJson.render(v) : text(v));
    return v.allowed() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  static String text(Verdict v) {
    StringBuilder sb = new StringBuilder();
    sb.append(v.src().label())
        .append(" => ")
        .append(v.dst().label())
        .append(' ')
        .append(ConnectionQuery.asked(v))
        .append(": ")
        .append(v.allowed() ? "ALLOWED" : "DENIED")
        .append('\n');
    side(sb, v.egress());
    side(sb, v.ingress());
    for (L7Constraint c : v.l7()) {
      sb.append(String.format("  %-8s%-9s", "L7", "(filter)"))
          .append("  ")
          .append(c.conns())
          .append(' ')
          .append(c.rulesText())
          .append('\n');
    }
    for (RequestCheck c : v.checks()) {
      String title = c.what().startsWith("DNS ") ? "DNS" : "Request";
      lines(sb, title, c.allowed(), c.what(), c.reasons());
    }
    sb.append("  allowed end to end: ").append(v.conns());
    return sb.toString();
  }

  private static void side(StringBuilder sb, DirectionVerdict d) {
    lines(sb, d.direction().title(), d.allowed(), "", d.reasons());
  }

  /** A titled block: the verdict, then (when given) what was checked, then one reason a line. */
  private static void lines(
      StringBuilder sb, String title, boolean allowed, String what, List<Reason> reasons) {
    String head = String.format("  %-8s%-9s", title, allowed ? "(allowed)" : "(denied)");
    String pad = " ".repeat(head.length());
    boolean first = true;
    if (!what.isEmpty()) {
      sb.append(head).append("  ").append(what).append('\n');
      first = false;
    }
    for (Reason r : reasons) {
      sb.append(first ? head : pad).append("  ").append(r.text());
      r.origin()
          .filter(o -> o.location().line() > 0)
          .ifPresent(o -> sb.append("  [").append(o.location()).append(']'));
      sb.append('\n');
      first = false;
    }
    if (first) {
      sb.append(head).append('\n');
    }
  }
}
