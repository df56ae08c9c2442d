package dev.gatehouse.cli.netpol;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.Endpoint;
import dev.gatehouse.netpol.engine.Verdict;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --src/--dst/--port/--protocol} options of {@code eval} and {@code explain}. */
final class ConnectionQuery {
  @Option(
      names = "--src",
      required = true,
      paramLabel = "NS/NAME|IP",
      description = "Source workload or IP address.")
  String src = "";

  @Option(
      names = "--dst",
      required = true,
      paramLabel = "NS/NAME|IP",
      description = "Destination workload or IP address.")
  String dst = "";

  @Option(names = "--port", paramLabel = "N", description = "Destination port (1-65535).")
  @Nullable Integer port;

  @Option(
      names = "--protocol",
      paramLabel = "TCP|UDP|SCTP",
      description = "Protocol (default TCP when --port is given).")
  @Nullable String protocol;

  /** Resolves the endpoints and asks the engine. */
  Verdict ask(CompiledNetwork net) {
    Endpoint s = resolve(net, src, "--src");
    Endpoint d = resolve(net, dst, "--dst");
    if (s instanceof Endpoint.OfAddress && d instanceof Endpoint.OfAddress) {
      throw new UserException(
          "--src and --dst are both addresses; at least one must be a workload", ExitCodes.USAGE);
    }
    if (port != null && (port < 1 || port > 65535)) {
      throw new UserException("--port " + port + " is outside 1-65535", ExitCodes.USAGE);
    }
    Optional<Protocol> proto = Optional.empty();
    if (protocol != null) {
      proto =
          Optional.of(
              Protocol.parse(protocol)
                  .orElseThrow(
                      () ->
                          new UserException(
                              "--protocol " + protocol + " is not TCP, UDP or SCTP",
                              ExitCodes.USAGE)));
    } else if (port != null) {
      proto = Optional.of(Protocol.TCP);
    }
    OptionalInt p = port == null ? OptionalInt.empty() : OptionalInt.of(port);
    return net.explain(s, d, proto, p);
  }

  private static Endpoint resolve(CompiledNetwork net, String spec, String flag) {
    return net.resolve(spec)
        .orElseThrow(
            () ->
                new UserException(
                    flag
                        + " "
                        + spec
                        + ": no such workload in the input (use ns/name, or an IP address)",
                    ExitCodes.USAGE));
  }

  /** {@code TCP 8080}, {@code UDP (any port)} or {@code any connection}. */
  static String asked(Verdict v) {
    if (v.protocol().isEmpty()) {
      return "any connection";
    }
    return v.protocol().get() + (v.port().isPresent() ? " " + v.port().getAsInt() : " (any port)");
  }
}
