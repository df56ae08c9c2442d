package dev.gatehouse.cli.netpol;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.netpol.engine.EngineOptions;
import dev.gatehouse.netpol.engine.EngineProfile;
import picocli.CommandLine.Option;

/** The {@code --engine} option of the network commands. */
final class EngineOption {
  @Option(
      names = "--engine",
      paramLabel = "default|cilium|azure-npm|calico",
      defaultValue = "default",
      description =
          "Follow this implementation where they differ (whether CIDR/ipBlock rules match pod"
              + " IPs: azure-npm and calico yes; default and cilium no). Default: ${DEFAULT-VALUE}.")
  String engine = "default";

  /** The engine options the flag names. */
  EngineOptions options() {
    return EngineOptions.of(
        EngineProfile.parse(engine)
            .orElseThrow(
                () ->
                    new UserException(
                        "--engine " + engine + " is not one of default, cilium, azure-npm, calico",
                        ExitCodes.USAGE)));
  }
}
