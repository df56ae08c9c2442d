package dev.gatehouse.cli.rego;

import picocli.CommandLine.Command;

/** {@code gatehouse rego}: the Rego language commands. */
@Command(
    name = "rego",
    mixinStandardHelpOptions = true,
    description =
        "Rego policies: evaluate queries (like opa eval) and run test_ rules (like opa test).",
    subcommands = {RegoEvalCommand.class, RegoTestCommand.class})
public final class RegoCommand {}
