package dev.gatehouse.cli.netpol;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.Endpoint;
import dev.gatehouse.netpol.engine.Verdict;
import dev.gatehouse.netpol.l7.FqdnPattern;
import dev.gatehouse.netpol.l7.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --src/--dst/--dst-fqdn/--port/--protocol} options of {@code eval} and {@code explain},
 * and the HTTP request options ({@code --http-method}, {@code --http-path}, {@code --http-host},
 * {@code --header}).
 */
final class ConnectionQuery {
  @Option(
      names = "--src",
      required = true,
      paramLabel = "NS/NAME|IP|reserved:ENTITY",
      description = "Source workload, IP address, or reserved:host|remote-node|kube-apiserver.")
  String src = "";

  @Option(
      names = "--dst",
      paramLabel = "NS/NAME|IP|reserved:ENTITY",
      description = "Destination workload, IP address or entity (or use --dst-fqdn).")
  @Nullable String dst;

  @Option(
      names = "--dst-fqdn",
      paramLabel = "NAME",
      description =
          "Destination outside the cluster named by DNS; decided by toFQDNs rules and by whether"
              + " the name can be resolved through the cluster DNS.")
  @Nullable String dstFqdn;

  @Option(names = "--port", paramLabel = "N", description = "Destination port (1-65535).")
  @Nullable Integer port;

  @Option(
      names = "--protocol",
      paramLabel = "TCP|UDP|SCTP",
      description = "Protocol (default TCP when --port is given).")
  @Nullable String protocol;

  @Option(
      names = "--http-method",
      paramLabel = "METHOD",
      description = "Check an HTTP request with this method (needs --http-path and --port).")
  @Nullable String httpMethod;

  @Option(
      names = "--http-path",
      paramLabel = "PATH",
      description = "The HTTP request's path, with its query string if any.")
  @Nullable String httpPath;

  @Option(names = "--http-host", paramLabel = "HOST", description = "The HTTP request's host.")
  @Nullable String httpHost;

  @Option(
      names = "--header",
      paramLabel = "'NAME: VALUE'",
      description = "An HTTP request header (repeatable).")
  List<String> headers = new ArrayList<>();

  /** Resolves the endpoints and asks the engine. */
  Verdict ask(CompiledNetwork net) {
    Endpoint s = resolve(net, src, "--src");
    Endpoint d = destination(net, s);
    if (s instanceof Endpoint.OfAddress && d instanceof Endpoint.OfAddress) {
      throw usage("--src and --dst are both addresses; at least one must be a workload");
    }
    if (port != null && (port < 1 || port > 65535)) {
      throw usage("--port " + port + " is outside 1-65535");
    }
    Optional<Protocol> proto = Optional.empty();
    if (protocol != null) {
      proto =
          Optional.of(
              Protocol.parse(protocol)
                  .orElseThrow(() -> usage("--protocol " + protocol + " is not TCP, UDP or SCTP")));
    } else if (port != null) {
      proto = Optional.of(Protocol.TCP);
    }
    Optional<HttpRequest> http = request(proto);
    OptionalInt p = port == null ? OptionalInt.empty() : OptionalInt.of(port);
    return net.explain(s, d, proto, p, http);
  }

  private Endpoint destination(CompiledNetwork net, Endpoint s) {
    if (dstFqdn != null) {
      if (dst != null) {
        throw usage("use --dst or --dst-fqdn, not both");
      }
      Optional<String> problem = FqdnPattern.nameProblem(dstFqdn);
      if (problem.isPresent()) {
        throw usage("--dst-fqdn: " + problem.get());
      }
      if (!(s instanceof Endpoint.OfWorkload)) {
        throw usage("--dst-fqdn needs a workload as --src");
      }
      return new Endpoint.OfName(dstFqdn);
    }
    if (dst == null) {
      throw usage("give --dst or --dst-fqdn");
    }
    return resolve(net, dst, "--dst");
  }

  private Optional<HttpRequest> request(Optional<Protocol> proto) {
    if (httpMethod == null && httpPath == null && httpHost == null && headers.isEmpty()) {
      return Optional.empty();
    }
    if (httpMethod == null || httpPath == null) {
      throw usage("an HTTP request needs both --http-method and --http-path");
    }
    if (port == null || proto.orElse(Protocol.TCP) != Protocol.TCP) {
      throw usage("an HTTP request needs --port and TCP");
    }
    List<HttpRequest.Header> hs = new ArrayList<>();
    for (String h : headers) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw usage("--header " + h + " is not 'NAME: VALUE'");
      }
      hs.add(new HttpRequest.Header(h.substring(0, colon).trim(), h.substring(colon + 1).trim()));
    }
    return Optional.of(new HttpRequest(httpMethod, httpPath, Optional.ofNullable(httpHost), hs));
  }

  private static Endpoint resolve(CompiledNetwork net, String spec, String flag) {
    return net.resolve(spec)
        .orElseThrow(
            () ->
                usage(
                    flag
                        + " "
                        + spec
                        + ": no such workload in the input (use ns/name, an IP address, or"
                        + " reserved:host|remote-node|kube-apiserver)"));
  }

  private static UserException usage(String message) {
    return new UserException(message, ExitCodes.USAGE);
  }

  /** {@code TCP 8080}, {@code UDP (any port)} or {@code any connection}. */
  static String asked(Verdict v) {
    if (v.protocol().isEmpty()) {
      return "any connection";
    }
    String port = "(any port)";
    if (v.port().isPresent()) {
      port = String.valueOf(v.port().getAsInt());
    }
    return v.protocol().get() + " " + port;
  }
}
