package dev.gatehouse.cli.netpol;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.PortSet;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.ConnectivityExplainer;
import dev.gatehouse.netpol.engine.ConnectivityExplanation;
import dev.gatehouse.netpol.engine.ConnectivityFocus;
import dev.gatehouse.netpol.output.ExplanationWriter;
import dev.gatehouse.netpol.output.OutputFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The explanation options of {@code gatehouse connectivity}, as netpol-analyzer's {@code list} has
 * them: {@code --explain}, {@code --explain-only allow|deny} and {@code --focus-conn}.
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

  @Option(
      names = "--focus-conn",
      paramLabel = "PROTOCOL-PORT",
      description = "With --explain: only this connection, e.g. tcp-8080.")
  @Nullable String focusConn;

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
      if (focusConn != null) {
        throw usage("--focus-conn is supported with --explain only");
      }
      return;
    }
    if (format != OutputFormat.TXT) {
      throw usage(
          "--explain prints netpol-analyzer's explanation text and supports only -o txt, not -o "
              + format.name().toLowerCase(java.util.Locale.ROOT));
    }
    filter();
    connection();
  }

  /** The explanation of {@code net}, narrowed by the focus and these options, as text. */
  String render(CompiledNetwork net, ConnectivityFocus focus) {
    ConnectivityExplanation e = ConnectivityExplainer.run(net, focus);
    Optional<ConnectionSet> conn = connection();
    if (conn.isPresent()) {
      e = e.restrictTo(conn.get());
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

  /** {@code --focus-conn PROTOCOL-PORT} as a connection set. */
  private Optional<ConnectionSet> connection() {
    if (focusConn == null) {
      return Optional.empty();
    }
    String[] parts = focusConn.split("-", 2);
    Optional<Protocol> protocol = Protocol.parse(parts[0]);
    int port = parts.length == 2 && parts[1].matches("\\d{1,5}") ? Integer.parseInt(parts[1]) : 0;
    if (protocol.isEmpty() || port < PortSet.MIN || port > PortSet.MAX) {
      throw usage(
          "--focus-conn must be PROTOCOL-PORT with a protocol of tcp, udp or sctp and a port of"
              + " 1-65535, e.g. tcp-8080, not \""
              + focusConn
              + "\"");
    }
    return Optional.of(ConnectionSet.of(protocol.get(), PortSet.of(port)));
  }

  private static UserException usage(String message) {
    return new UserException(message, ExitCodes.USAGE);
  }
}
