package dev.gatehouse.admission.cel;

import static dev.gatehouse.admission.cel.Decls.fn;
import static dev.gatehouse.admission.cel.Decls.global;
import static dev.gatehouse.admission.cel.Decls.member;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * Kubernetes' IP and CIDR libraries ({@code k8s.io/apiserver/pkg/cel/library/ip.go}, {@code
 * cidr.go}): {@code ip(s)}, {@code isIP(s)}, {@code family()}, {@code isUnspecified()}, {@code
 * isLoopback()}, {@code isLinkLocalMulticast()}, {@code isLinkLocalUnicast()}, {@code
 * isGlobalUnicast()}, {@code cidr(s)}, {@code isCIDR(s)}, {@code containsIP()}, {@code
 * containsCIDR()}, {@code ip()}, {@code masked()}, {@code prefixLength()}, and {@code string()} of
 * both.
 */
final class NetworkLibrary implements KubeLibrary {
  static final OpaqueType IP = OpaqueType.create("net.IP");
  static final OpaqueType CIDR = OpaqueType.create("net.CIDR");

  @Override
  public List<CelFunctionDecl> declarations() {
    CelType s = SimpleType.STRING;
    CelType b = SimpleType.BOOL;
    return List.of(
        fn("ip", global("string_to_ip", IP, s), member("cidr_ip", IP, CIDR)),
        fn("isIP", global("is_ip", b, s)),
        fn("family", member("ip_family", SimpleType.INT, IP)),
        fn("isUnspecified", member("ip_is_unspecified", b, IP)),
        fn("isLoopback", member("ip_is_loopback", b, IP)),
        fn("isLinkLocalMulticast", member("ip_is_link_local_multicast", b, IP)),
        fn("isLinkLocalUnicast", member("ip_is_link_local_unicast", b, IP)),
        fn("isGlobalUnicast", member("ip_is_global_unicast", b, IP)),
        fn("cidr", global("string_to_cidr", CIDR, s)),
        fn("isCIDR", global("is_cidr", b, s)),
        fn(
            "containsIP",
            member("cidr_contains_ip_ip", b, CIDR, IP),
            member("cidr_contains_ip_string", b, CIDR, s)),
        fn(
            "containsCIDR",
            member("cidr_contains_cidr", b, CIDR, CIDR),
            member("cidr_contains_cidr_string", b, CIDR, s)),
        fn("masked", member("cidr_masked", CIDR, CIDR)),
        fn("prefixLength", member("cidr_prefix_length", SimpleType.INT, CIDR)),
        fn("string", global("ip_to_string", s, IP), global("cidr_to_string", s, CIDR)));
  }

  @Override
  public List<CelFunctionBinding> bindings() {
    Class<IpAddress> ip = IpAddress.class;
    Class<Cidr> cidr = Cidr.class;
    return List.of(
        CelFunctionBinding.from("string_to_ip", String.class, NetworkLibrary::ip),
        CelFunctionBinding.from("cidr_ip", cidr, Cidr::ip),
        CelFunctionBinding.from("is_ip", String.class, t -> IpAddress.parse(t).isPresent()),
        CelFunctionBinding.from("ip_family", ip, IpAddress::family),
        CelFunctionBinding.from("ip_is_unspecified", ip, a -> a.address().isAnyLocalAddress()),
        CelFunctionBinding.from("ip_is_loopback", ip, a -> a.address().isLoopbackAddress()),
        CelFunctionBinding.from("ip_is_link_local_multicast", ip, a -> a.address().isMCLinkLocal()),
        CelFunctionBinding.from(
            "ip_is_link_local_unicast", ip, a -> a.address().isLinkLocalAddress()),
        CelFunctionBinding.from("ip_is_global_unicast", ip, IpAddress::isGlobalUnicast),
        CelFunctionBinding.from("string_to_cidr", String.class, NetworkLibrary::cidr),
        CelFunctionBinding.from("is_cidr", String.class, t -> Cidr.parse(t).isPresent()),
        CelFunctionBinding.from("cidr_contains_ip_ip", cidr, ip, Cidr::contains),
        CelFunctionBinding.from(
            "cidr_contains_ip_string", cidr, String.class, (c, t) -> c.contains(ip(t))),
        CelFunctionBinding.from("cidr_contains_cidr", cidr, cidr, Cidr::contains),
        CelFunctionBinding.from(
            "cidr_contains_cidr_string", cidr, String.class, (c, t) -> c.contains(cidr(t))),
        CelFunctionBinding.from("cidr_masked", cidr, Cidr::masked),
        CelFunctionBinding.from("cidr_prefix_length", cidr, c -> (long) c.prefixLength()),
        CelFunctionBinding.from("ip_to_string", ip, IpAddress::toString),
        CelFunctionBinding.from("cidr_to_string", cidr, Cidr::toString));
  }

  static IpAddress ip(String text) throws CelEvaluationException {
    return IpAddress.parse(text)
        .orElseThrow(() -> Decls.error("IP Address \"" + text + "\" parse error"));
  }

  static Cidr cidr(String text) throws CelEvaluationException {
    return Cidr.parse(text)
        .orElseThrow(
            () ->
                Decls.error("network address parse error during conversion from string: " + text));
  }
}
