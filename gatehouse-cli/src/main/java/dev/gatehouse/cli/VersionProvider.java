package dev.gatehouse.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest (or "dev" when run from classes). */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = GatehouseCommand.class.getPackage().getImplementationVersion();
    return new String[] {"gatehouse " + (v == null ? "dev" : v)};
  }
}
