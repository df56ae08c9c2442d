package dev.gatehouse.netpol.l7;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP request as an L7 rule sees it: the method, the path as sent (with its query string, as
 * Envoy's {@code :path} pseudo-header carries it), the host (the {@code :authority}) and headers.
 */
public record HttpRequest(String method, String path, Optional<String> host, List<Header> headers) {

  /** Copies the list. */
  public HttpRequest {
    headers = List.copyOf(headers);
  }

  /** A request header; names compare case-insensitively. */
  public record Header(String name, String value) {}

  /** The values of header {@code name} (any case), in request order. */
  public List<String> values(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return headers.stream()
        .filter(h -> h.name().toLowerCase(Locale.ROOT).equals(n))
        .map(Header::value)
        .toList();
  }

  /** {@code GET /path} (with {@code host H} when a host is given), for messages. */
  @Override
  public String toString() {
    return method + " " + path + host.map(h -> " host " + h).orElse("");
  }
}
