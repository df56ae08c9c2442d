package dev.gatehouse.netpol.l7;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Cilium HTTP rule ({@code rules.http[]}): every set field must match (AND); an unset field (""
 * for the regular expressions) matches anything.
 *
 * <p>Design note ({@code cilium/cilium:pkg/envoy/xds_server.go getHTTPRule}; Envoy {@code
 * HeaderMatcher}): {@code method}, {@code path} and {@code host} are RE2 expressions matched
 * against the whole {@code :method}, {@code :path} and {@code :authority} values (Envoy's {@code
 * safe_regex_match}: "the entire request header value must match"), so {@code /public} does not
 * match {@code /public/x} nor {@code /public?x=1}. Header requirements need the header present and,
 * when a value is given, one of its values equal to it.
 *
 * @param method RE2 expression for the method, "" for any
 * @param path RE2 expression for the path including the query string, "" for any
 * @param host RE2 expression for the host, "" for any
 */
public record HttpRule(String method, String path, String host, List<HeaderMatch> headers)
    implements Comparable<HttpRule> {

  /** The rule with no constraint: every request matches. */
  public static final HttpRule ANY = new HttpRule("", "", "", List.of());

  /** Copies the list. */
  public HttpRule {
    headers = List.copyOf(headers);
  }

  /**
   * A header requirement.
   *
   * @param value the exact value required; empty when presence is enough
   */
  public record HeaderMatch(String name, Optional<String> value, Mode mode) {
    /** How a mismatch counts. */
    public enum Mode {
      /** The request fails the rule (Cilium's default). */
      REQUIRE,
      /** Only logged or fixed up by the proxy ({@code mismatch: LOG|ADD|DELETE|REPLACE}). */
      REPORT_ONLY,
      /** The value lives in a Secret the analysis cannot read: the requirement never holds. */
      SECRET
    }

    /** {@code X-Key}, {@code X-Key: value} or {@code X-Key: <secret>}. */
    @Override
    public String toString() {
      return name
          + (mode == Mode.SECRET ? ": <secret>" : value.map(v -> ": " + v).orElse(""))
          + (mode == Mode.REPORT_ONLY ? " (not enforced)" : "");
    }
  }

  /** Why {@code regex} is not usable in a rule, if it is not. */
  public static Optional<String> regexProblem(String regex) {
    return Re2.problem(regex);
  }

  /** Whether the request satisfies every field of the rule. */
  public boolean matches(HttpRequest request) {
    return mismatch(request).isEmpty();
  }

  /** The first field the request fails, as a phrase for explanations; empty when it matches. */
  public Optional<String> mismatch(HttpRequest request) {
    if (!Re2.fullMatch(method, request.method())) {
      return Optional.of("method " + request.method() + " does not match " + method);
    }
    if (!Re2.fullMatch(path, request.path())) {
      return Optional.of("path " + request.path() + " does not match " + path);
    }
    if (!host.isEmpty() && !Re2.fullMatch(host, request.host().orElse(""))) {
      return Optional.of(
          request.host().map(h -> "host " + h).orElse("the request has no host")
              + " does not match "
              + host);
    }
    for (HeaderMatch h : headers) {
      if (!holds(h, request)) {
        return Optional.of("header " + h + " is not satisfied");
      }
    }
    return Optional.empty();
  }

  private static boolean holds(HeaderMatch h, HttpRequest request) {
    return switch (h.mode()) {
      case REPORT_ONLY -> true;
      case SECRET -> false;
      case REQUIRE -> {
        List<String> values = request.values(h.name());
        yield !values.isEmpty() && (h.value().isEmpty() || values.contains(h.value().get()));
      }
    };
  }

  /**
   * {@code HTTP GET /api/.*}: the word HTTP, then the method and path expressions when set, then
   * {@code host=H} and {@code header=K[: V]} items.
   */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>(List.of("HTTP"));
    if (!method.isEmpty()) {
      parts.add(method);
    }
    if (!path.isEmpty()) {
      parts.add(path);
    }
    if (!host.isEmpty()) {
      parts.add("host=" + host);
    }
    headers.forEach(h -> parts.add("header=" + h));
    return String.join(" ", parts);
  }

  @Override
  public int compareTo(HttpRule o) {
    return toString().compareTo(o.toString());
  }
}
