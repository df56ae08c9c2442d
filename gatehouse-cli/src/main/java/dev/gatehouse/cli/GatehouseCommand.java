package dev.gatehouse.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root {@code gatehouse} command; each surface is a subcommand returning an exit code. */
@Command(
    name = "gatehouse",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Kubernetes network and admission policy: analyse, preview, enforce.")
public final class GatehouseCommand {
  /**
   * The subcommands, in the order help lists them. {@link Main} adds only the one a command line
   * names (building picocli's model of every command costs a few hundred milliseconds per run).
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          dev.gatehouse.cli.rego.RegoCommand.class,
          dev.gatehouse.cli.admission.AdmissionCommand.class,
          dev.gatehouse.cli.policy.PolicyCommand.class,
          dev.gatehouse.cli.audit.AuditCommand.class,
          dev.gatehouse.cli.netpol.LintCommand.class,
          dev.gatehouse.cli.netpol.GenerateClusterCommand.class,
          dev.gatehouse.cli.netpol.ConnectivityCommand.class,
          dev.gatehouse.cli.netpol.EvalCommand.class,
          dev.gatehouse.cli.netpol.DiffCommand.class,
          dev.gatehouse.cli.netpol.ExplainCommand.class);

  @Option(
      names = "--debug",
      description = "Print stack traces of internal errors.",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  boolean debug;
}
