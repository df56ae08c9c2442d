package dev.gatehouse.netpol.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.algebra.IpSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the entries of {@code ingress}, {@code ingressDeny}, {@code egress} and {@code egressDeny}
 * of one Cilium rule.
 *
 * <p>Design note ({@code cilium/cilium:pkg/policy/api/rule_validation.go} {@code
 * IngressRule.sanitize}/{@code EgressRule.sanitize}; {@code pkg/policy/rule.go} {@code
 * mergeIngress}): an entry's L3 part and its {@code toPorts} are ANDed. An entry that names no L3
 * peer but has {@code toPorts} is L4-only and matches every peer; an entry with neither (the {@code
 * {}} entry) matches nothing, but still counts for default deny. An explicitly empty list of
 * entities or CIDRs selects nothing; an empty {@code fromEndpoints} list is as if absent. Peers the
 * analysis cannot resolve ({@code toServices}, {@code toGroups}, {@code fromNodes}/{@code toNodes},
 * CIDR group references) are reported and match nothing here; {@code fromRequires}/{@code
 * toRequires} (deprecated) are reported and ignored.
 */
final class CiliumSections {
  private final String ns;
  private final ObjectProblems problems;

  CiliumSections(String ns, ObjectProblems problems) {
    this.ns = ns;
    this.problems = problems;
  }

  List<CiliumPolicy.Section> list(JsonNode list, String at, boolean ingress, boolean deny) {
    List<CiliumPolicy.Section> out = new ArrayList<>();
    if (list.isMissingNode() || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      problems.error(at, at.substring(at.lastIndexOf('/') + 1) + " must be a list");
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      section(list.get(i), at + "/" + i, i, ingress, deny).ifPresent(out::add);
    }
    return out;
  }

  private Optional<CiliumPolicy.Section> section(
      JsonNode e, String at, int index, boolean ingress, boolean deny) {
    String dir = ingress ? "from" : "to";
    List<String> l3 =
        ingress
            ? List.of(
                "fromEndpoints",
                "fromCIDR",
                "fromCIDRSet",
                "fromEntities",
                "fromNodes",
                "fromGroups")
            : List.of(
                "toEndpoints",
                "toCIDR",
                "toCIDRSet",
                "toEntities",
                "toServices",
                "toFQDNs",
                "toGroups",
                "toNodes");
    List<String> used = l3.stream().filter(f -> e.path(f).size() > 0).toList();
    if (used.size() > 1) {
      problems.error(
          at, "Combining " + used.get(0) + " and " + used.get(1) + " is not supported yet");
      return Optional.empty();
    }
    boolean hasPorts = e.path("toPorts").size() > 0;
    if (e.path("toServices").size() > 0 && hasPorts) {
      problems.error(at, "Combining toServices and toPorts is not supported yet");
      return Optional.empty();
    }
    if (deny && e.has("toFQDNs")) {
      problems.error(at + "/toFQDNs", "deny rules cannot use toFQDNs");
      return Optional.empty();
    }
    if (e.path("icmps").size() > 0 && hasPorts) {
      problems.error(
          at,
          "The ICMPs block may only be present without ToPorts. Define a separate rule to use ToPorts.");
      return Optional.empty();
    }
    if (e.has(dir + "Requires")) {
      problems.warning(
          at + "/" + dir + "Requires", dir + "Requires is deprecated and not analysed; ignored");
    }
    boolean icmpOnly = e.path("icmps").size() > 0;
    if (icmpOnly) {
      problems.warning(
          at + "/icmps", "ICMP rules are not analysed; this entry allows nothing analysed");
    }
    List<CiliumPolicy.Peer> peers = new ArrayList<>();
    for (String f : used) {
      peers(e.get(f), at + "/" + f, f.substring(dir.length()), peers);
    }
    boolean explicitlyEmpty =
        l3.stream()
            .anyMatch(f -> !f.endsWith("Endpoints") && e.path(f).isArray() && e.path(f).isEmpty());
    boolean anyPeer = used.isEmpty() && !explicitlyEmpty && hasPorts;
    List<CiliumPolicy.PortRule> ports =
        CiliumPorts.parse(e.path("toPorts"), at + "/toPorts", ingress, deny, problems);
    return Optional.of(new CiliumPolicy.Section(index, at, anyPeer, peers, ports, icmpOnly));
  }

  private void peers(JsonNode list, String at, String kind, List<CiliumPolicy.Peer> out) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String itemAt = at + "/" + i;
      switch (kind) {
        case "Endpoints" -> CiliumSelectors.peer(item, itemAt, ns, problems).ifPresent(out::add);
        case "Entities" -> entity(item.asText(""), itemAt).ifPresent(out::add);
        case "CIDR" -> cidr(item.asText(""), itemAt).ifPresent(out::add);
        case "CIDRSet" -> cidrSet(item, itemAt).ifPresent(out::add);
        case "FQDNs" ->
            CiliumPorts.fqdn(item, itemAt, problems)
                .map(CiliumPolicy.FqdnPeer::new)
                .ifPresent(out::add);
        default -> {
          if (i == 0) {
            problems.warning(
                at,
                kind.substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                    + kind.substring(1)
                    + " peers are not analysed; this entry matches no peer here");
          }
        }
      }
    }
  }

  private Optional<CiliumPolicy.Peer> entity(String name, String at) {
    Optional<CiliumPolicy.Entity> e = CiliumPolicy.Entity.parse(name);
    if (e.isEmpty()) {
      problems.error(at, "unsupported entity: " + name);
      return Optional.empty();
    }
    return Optional.of(new CiliumPolicy.EntityPeer(e.get()));
  }

  private Optional<CiliumPolicy.Peer> cidr(String text, String at) {
    Optional<IpRange> r =
        text.contains("/") ? IpRange.parseCidr(text) : IpRange.parseAddressRange(text);
    if (r.isEmpty()) {
      problems.error(at, "\"" + text + "\" is not a CIDR or an IP address");
      return Optional.empty();
    }
    return Optional.of(new CiliumPolicy.CidrPeer(text, IpSet.of(r.get())));
  }

  private Optional<CiliumPolicy.Peer> cidrSet(JsonNode set, String at) {
    if (set.hasNonNull("cidrGroupRef") || set.hasNonNull("cidrGroupSelector")) {
      problems.warning(at, "CIDR groups are not analysed; this CIDR set matches nothing here");
      return Optional.empty();
    }
    String text = set.path("cidr").asText("");
    Optional<IpRange> r = IpRange.parseCidr(text);
    if (r.isEmpty()) {
      problems.error(at + "/cidr", "Unable to parse CIDRRule \"" + text + "\"");
      return Optional.empty();
    }
    List<IpRange> cut = new ArrayList<>();
    JsonNode ex = set.path("except");
    for (int i = 0; i < ex.size(); i++) {
      String e = ex.get(i).asText("");
      Optional<IpRange> x = IpRange.parseCidr(e);
      if (x.isEmpty() || !r.get().contains(x.get())) {
        problems.error(
            at + "/except/" + i,
            x.isEmpty()
                ? "except \"" + e + "\" is not a CIDR"
                : "allow CIDR prefix " + text + " does not contain exclude CIDR prefix " + e);
        return Optional.empty();
      }
      cut.add(x.get());
    }
    return Optional.of(new CiliumPolicy.CidrPeer(text, IpSet.of(r.get()).subtract(IpSet.of(cut))));
  }
}
