package dev.gatehouse.cli.policy;

import picocli.CommandLine.Command;

/** {@code gatehouse policy}: Azure Policy definitions, initiatives, templates and assignments. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description =
        "Azure Policy for Kubernetes: list and show definitions and initiatives, list the templates"
            + " assignments install, write assignments.",
    subcommands = {
      PolicyDefinitionsCommand.class,
      PolicyShowCommand.class,
      PolicyTemplatesCommand.class,
      PolicyAssignCommand.class
    })
public final class PolicyCommand {}
