package dev.gatehouse.cli.netpol;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.ConnectivityExplainer;
import dev.gatehouse.netpol.engine.ConnectivityExplanation;
import dev.gatehouse.netpol.engine.ConnectivityFocus;
import dev.gatehouse.netpol.engine.FocusConnection;
import dev.gatehouse.netpol.output.ExplanationWriter;
import dev.gatehouse.netpol.output.OutputFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The explanation options of {@code gatehouse connectivity}, as netpol-analyzer's {@code list} has
 * them: {@code --explain}, and {@code --explain-only allow|deny}.
 */
final class ExplainOptions {
  @Option(
      names = "--explain",
      description =
          "For each pair of peers, the allowed and denied connections with the policies and rules"
              + " responsible on each side (txt only).")
  boolean explain;

  @Option(
      names = "--explain-only",
      paramLabel = "allow|deny",
      description = "With --explain: only the allowed or only the denied connections.")
  @Nullable String only;

  /** Whether an explanation was asked for ({@code --explain-only} implies {@code --explain}). */
  boolean requested() {
    return explain || only != null;
  }

  /**
   * Rejects combinations the explanation does not support, before any input is read.
   *
   * @throws UserException with {@link ExitCodes#USAGE}
   */
  void check(OutputFormat format) {
    if (!requested()) {
      return;
    }
    if (format != OutputFormat.TXT) {
      throw usage(
          "--explain prints netpol-analyzer's explanation text and supports only -o txt, not -o "
              + format.name().toLowerCase(java.util.Locale.ROOT));
    }
    filter();
  }

  /** The explanation of {@code net}, narrowed by the focus and these options, as text. */
  String render(
      CompiledNetwork net, ConnectivityFocus focus, Optional<FocusConnection> connection) {
    ConnectivityExplanation e = ConnectivityExplainer.run(net, focus);
    if (connection.isPresent()) {
      e = e.restrictTo(connection.get().conns());
    }
    Optional<Boolean> allowed = filter();
    if (allowed.isPresent()) {
      e = e.only(allowed.get());
    }
    return ExplanationWriter.txt(e);
  }

  private Optional<Boolean> filter() {
    if (only == null) {
      return Optional.empty();
    }
    return switch (only) {
      case "allow" -> Optional.of(true);
      case "deny" -> Optional.of(false);
      default -> throw usage("--explain-only must be allow or deny, not \"" + only + "\"");
    };
  }

  private static UserException usage(String message) {
    return new UserException(message, ExitCodes.USAGE);
  }
}
