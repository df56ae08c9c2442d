package dev.gatehouse.cli.admission;

import picocli.CommandLine.Command;

/** {@code gatehouse admission}: the admission-policy commands. */
@Command(
    name = "admission",
    mixinStandardHelpOptions = true,
    description =
        "Admission policy (Gatekeeper templates and constraints): test objects, verify suites.",
    subcommands = {AdmissionTestCommand.class, AdmissionVerifyCommand.class})
public final class AdmissionCommand {}
