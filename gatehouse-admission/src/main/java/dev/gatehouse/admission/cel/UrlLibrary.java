package dev.gatehouse.admission.cel;

import static dev.gatehouse.admission.cel.Decls.fn;
import static dev.gatehouse.admission.cel.Decls.global;
import static dev.gatehouse.admission.cel.Decls.member;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * Kubernetes' URL library ({@code k8s.io/apiserver/pkg/cel/library/urls.go}): {@code url(s)},
 * {@code isURL(s)}, {@code getScheme()}, {@code getHost()}, {@code getHostname()}, {@code
 * getPort()}, {@code getEscapedPath()}, {@code getQuery()}.
 */
final class UrlLibrary implements KubeLibrary {
  static final OpaqueType TYPE = OpaqueType.create("kubernetes.URL");

  @Override
  public List<CelFunctionDecl> declarations() {
    CelType s = SimpleType.STRING;
    return List.of(
        fn("url", global("string_to_url", TYPE, s)),
        fn("isURL", global("is_url_string", SimpleType.BOOL, s)),
        fn("getScheme", member("url_get_scheme", s, TYPE)),
        fn("getHost", member("url_get_host", s, TYPE)),
        fn("getHostname", member("url_get_hostname", s, TYPE)),
        fn("getPort", member("url_get_port", s, TYPE)),
        fn("getEscapedPath", member("url_get_escaped_path", s, TYPE)),
        fn("getQuery", member("url_get_query", MapType.create(s, ListType.create(s)), TYPE)));
  }

  @Override
  public List<CelFunctionBinding> bindings() {
    Class<KubeUrl> u = KubeUrl.class;
    return List.of(
        CelFunctionBinding.from(
            "string_to_url",
            String.class,
            s ->
                KubeUrl.parse(s)
                    .orElseThrow(
                        () -> Decls.error("URL parse error during conversion from string: " + s))),
        CelFunctionBinding.from("is_url_string", String.class, s -> KubeUrl.parse(s).isPresent()),
        CelFunctionBinding.from("url_get_scheme", u, KubeUrl::scheme),
        CelFunctionBinding.from("url_get_host", u, KubeUrl::host),
        CelFunctionBinding.from("url_get_hostname", u, KubeUrl::hostname),
        CelFunctionBinding.from("url_get_port", u, KubeUrl::port),
        CelFunctionBinding.from("url_get_escaped_path", u, KubeUrl::escapedPath),
        CelFunctionBinding.from("url_get_query", u, KubeUrl::query));
  }
}
