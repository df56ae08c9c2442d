package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.PortSet;
import dev.gatehouse.netpol.algebra.Protocol;

/**
 * One connection (a protocol and a destination port) that a report is focused on, as
 * netpol-analyzer's {@code --focus-conn} names it: {@code tcp-8080}, {@code udp-53}.
 *
 * <p>A connection between two peers is kept when it allows this connection; it is then reported as
 * just this connection.
 */
public record FocusConnection(Protocol protocol, int port) {

  /** Checks the port range. */
  public FocusConnection {
    if (port < PortSet.MIN || port > PortSet.MAX) {
      throw new IllegalArgumentException(
          "port must be between " + PortSet.MIN + " and " + PortSet.MAX + ", not " + port);
    }
  }

  /**
   * Parses {@code PROTOCOL-PORT} (protocol {@code tcp}, {@code udp} or {@code sctp} in any case).
   *
   * @throws IllegalArgumentException naming what is wrong with {@code spec}
   */
  public static FocusConnection parse(String spec) {
    String[] parts = spec.split("-", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "\"" + spec + "\" is not PROTOCOL-PORT (e.g. tcp-8080, udp-53)");
    }
    Protocol protocol =
        Protocol.parse(parts[0])
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "\""
                            + spec
                            + "\": protocol must be tcp, udp or sctp, not \""
                            + parts[0]
                            + "\""));
    int port;
    try {
      port = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "\"" + spec + "\": port must be a number from 1 to 65535, not \"" + parts[1] + "\"", e);
    }
    if (port < PortSet.MIN || port > PortSet.MAX) {
      throw new IllegalArgumentException(
          "\"" + spec + "\": port must be a number from 1 to 65535, not \"" + parts[1] + "\"");
    }
    return new FocusConnection(protocol, port);
  }

  /** This connection as a connection set. */
  public ConnectionSet conns() {
    return ConnectionSet.of(protocol, PortSet.of(port));
  }

  /** Whether {@code allowed} allows this connection. */
  public boolean isIn(ConnectionSet allowed) {
    return allowed.contains(protocol, port);
  }

  /** {@code TCP 8080}, as netpol-analyzer prints it in headers. */
  @Override
  public String toString() {
    return protocol.name() + " " + port;
  }
}
