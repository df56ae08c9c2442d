package dev.gatehouse.admission.cel;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A URL as Kubernetes' {@code url()} reads it (Go's {@code url.ParseRequestURI}): an absolute URL
 * with a scheme, or an absolute path.
 */
record KubeUrl(URI uri) {

  static Optional<KubeUrl> parse(String text) {
    if (text.isEmpty() || text.contains("#")) {
      return Optional.empty();
    }
    try {
      URI u = new URI(text);
      if (u.getScheme() == null ? !text.startsWith("/") : u.isOpaque()) {
        return Optional.empty();
      }
      return Optional.of(new KubeUrl(u));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  String scheme() {
    return orEmpty(uri.getScheme());
  }

  /** The host with its port; IPv6 hosts keep their brackets. */
  String host() {
    String authority = orEmpty(uri.getRawAuthority());
    int at = authority.lastIndexOf('@');
    return at < 0 ? authority : authority.substring(at + 1);
  }

  /** The host without port and brackets. */
  String hostname() {
    String h = orEmpty(uri.getHost());
    if (h.isEmpty()) {
      String host = host();
      int colon = host.lastIndexOf(':');
      h = colon < 0 || host.endsWith("]") ? host : host.substring(0, colon);
    }
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  String port() {
    return uri.getPort() < 0 ? "" : Integer.toString(uri.getPort());
  }

  String escapedPath() {
    return orEmpty(uri.getRawPath());
  }

  /** The query parameters, decoded, in order; a key may repeat. */
  Map<String, List<String>> query() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    String q = uri.getRawQuery();
    if (q == null || q.isEmpty()) {
      return out;
    }
    for (String pair : com.google.common.base.Splitter.on('&').split(q)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static String orEmpty(@org.jspecify.annotations.Nullable String s) {
    return s == null ? "" : s;
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
