package dev.gatehouse.cli.policy;

import dev.gatehouse.admission.azure.CatalogEntry;
import dev.gatehouse.admission.azure.ParameterDefinition;
import dev.gatehouse.admission.azure.PolicyDefinition;
import dev.gatehouse.kube.Diagnostic;
import dev.gatehouse.kube.Diagnostics;
import java.io.PrintWriter;

/** What the policy commands share: diagnostics printing and the default effect of an entry. */
final class PolicyCli {
  static final String NO_DEFINITIONS =
      "no policy definitions found: give --definitions PATH or set "
          + AzureOptions.ENV
          + " (the built-in definitions are read from "
          + AzureOptions.SHARED
          + ")";

  private PolicyCli() {}

  /** Prints every diagnostic as {@code gatehouse: file:line: message}. */
  static void report(Diagnostics diagnostics, PrintWriter err) {
    for (Diagnostic d : diagnostics.all()) {
      err.println("gatehouse: " + d.render());
    }
    err.flush();
  }

  /** The default effect of a definition or initiative ("" when it has none). */
  static String defaultEffect(CatalogEntry e) {
    if (e instanceof PolicyDefinition d) {
      return d.defaultEffect();
    }
    ParameterDefinition p = e.parameters().get("effect");
    return p != null && p.defaultValue() != null ? p.defaultValue().asText() : "";
  }
}
