package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.Namespace;
import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.ir.EndpointSelector;
import dev.gatehouse.netpol.ir.NamespaceMatch;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identities of a cluster and selector evaluation over them.
 *
 * <p>Identities are numbered namespace by namespace, so the identities of one namespace form a
 * contiguous id range. {@link #select} evaluates a selector once per identity of the selected
 * namespaces, or only on the identities carrying its rarest {@code matchLabels} entry when those
 * are fewer ({@link LabelPostings}), and caches the result by selector value, so policies that
 * repeat a selector pay once.
 */
public final class IdentityTable {
  private final List<Identity> identities;
  private final List<Namespace> namespaces;
  private final int[] nsStart;
  private final Map<String, Integer> nsIndex = new HashMap<>();
  private final Map<EndpointSelector, BitSet> cache = new ConcurrentHashMap<>();
  private final Map<NamespaceMatch.Selected, List<Integer>> nsCache = new ConcurrentHashMap<>();
  private final Map<SyntheticEndpoint, Integer> synthetic;
  private final LabelPostings postings;
  private final int[] nsOfId;

  private IdentityTable(
      List<Identity> identities,
      List<Namespace> namespaces,
      int[] nsStart,
      Map<SyntheticEndpoint, Integer> synthetic) {
    this.identities = identities;
    this.namespaces = namespaces;
    this.nsStart = nsStart;
    this.synthetic = synthetic;
    this.postings = LabelPostings.of(identities);
    this.nsOfId = new int[identities.size()];
    for (int i = 0; i < namespaces.size(); i++) {
      nsIndex.put(namespaces.get(i).name(), i);
      java.util.Arrays.fill(nsOfId, nsStart[i], nsStart[i + 1], i);
    }
  }

  /** Groups the snapshot's workloads into identities. */
  public static IdentityTable of(ClusterSnapshot snapshot) {
    return of(snapshot, List.of());
  }

  /**
   * Groups the snapshot's workloads into identities, and adds one identity without member workloads
   * for each synthetic endpoint (in its namespace, which is created if nobody defines it), so that
   * policies are evaluated for it like for any pod.
   */
  public static IdentityTable of(ClusterSnapshot snapshot, List<SyntheticEndpoint> extra) {
    return of(snapshot, extra, w -> List.of());
  }

  /**
   * As {@link #of(ClusterSnapshot, List)}, with workloads also told apart by {@code refine} (e.g.
   * which address rules their pod IPs fall in, when the engine profile lets address rules match
   * pods): workloads share an identity only when their refinement keys are equal too.
   */
  public static IdentityTable of(
      ClusterSnapshot snapshot,
      List<SyntheticEndpoint> extra,
      java.util.function.Function<Workload, Object> refine) {
    Map<String, Map<Object, List<Workload>>> byNs = new LinkedHashMap<>();
    for (String ns : snapshot.namespaces().keySet()) {
      byNs.put(ns, new LinkedHashMap<>());
    }
    for (SyntheticEndpoint s : extra) {
      byNs.computeIfAbsent(s.namespace(), k -> new LinkedHashMap<>()).put(s, List.of());
    }
    for (Workload w : snapshot.workloads()) {
      byNs.computeIfAbsent(w.namespace(), k -> new LinkedHashMap<>())
          .computeIfAbsent(List.of(w.labels(), w.ports(), refine.apply(w)), k -> new ArrayList<>())
          .add(w);
    }
    List<Identity> ids = new ArrayList<>();
    List<Namespace> nss = new ArrayList<>();
    Map<SyntheticEndpoint, Integer> synthetic = new HashMap<>();
    int[] starts = new int[byNs.size() + 1];
    int n = 0;
    for (Map.Entry<String, Map<Object, List<Workload>>> e : byNs.entrySet()) {
      Namespace ns = snapshot.namespace(e.getKey());
      starts[n++] = ids.size();
      nss.add(ns);
      for (Map.Entry<Object, List<Workload>> group : e.getValue().entrySet()) {
        if (group.getKey() instanceof SyntheticEndpoint s) {
          synthetic.put(s, ids.size());
          ids.add(
              new Identity(ids.size(), ns.name(), ns.labels(), s.labels(), List.of(), List.of()));
          continue;
        }
        List<Workload> members = group.getValue();
        Workload first = members.getFirst();
        ids.add(
            new Identity(
                ids.size(),
                ns.name(),
                ns.labels(),
                first.labels(),
                first.ports(),
                List.copyOf(members)));
      }
    }
    starts[n] = ids.size();
    return new IdentityTable(List.copyOf(ids), List.copyOf(nss), starts, Map.copyOf(synthetic));
  }

  /** The identity of a synthetic endpoint given to {@link #of(ClusterSnapshot, List)}. */
  public java.util.OptionalInt idOf(SyntheticEndpoint endpoint) {
    Integer id = synthetic.get(endpoint);
    return id == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(id);
  }

  /** All identities, by id. */
  public List<Identity> identities() {
    return identities;
  }

  /** The number of identities. */
  public int size() {
    return identities.size();
  }

  /** The identity with the given id. */
  public Identity get(int id) {
    return identities.get(id);
  }

  /** The ids of every identity the selector matches (shared: do not modify). */
  public BitSet select(EndpointSelector selector) {
    BitSet cached = cache.get(selector);
    if (cached != null) {
      return cached;
    }
    BitSet out = new BitSet();
    List<Integer> nss = namespacesMatching(selector.namespaces());
    int inNamespaces = 0;
    BitSet nsSet = new BitSet(namespaces.size());
    for (int nsi : nss) {
      inNamespaces += nsStart[nsi + 1] - nsStart[nsi];
      nsSet.set(nsi);
    }
    int[] candidates = postings.candidates(selector.pods());
    if (candidates != null && candidates.length < inNamespaces) {
      for (int id : candidates) {
        if (nsSet.get(nsOfId[id]) && selector.pods().matches(identities.get(id).labels())) {
          out.set(id);
        }
      }
    } else {
      for (int nsi : nss) {
        for (int id = nsStart[nsi]; id < nsStart[nsi + 1]; id++) {
          if (selector.pods().matches(identities.get(id).labels())) {
            out.set(id);
          }
        }
      }
    }
    cache.putIfAbsent(selector, out);
    return out;
  }

  /** Whether the selector matches identity {@code id} (without computing the whole set). */
  public boolean matches(EndpointSelector selector, int id) {
    BitSet cached = cache.get(selector);
    if (cached != null) {
      return cached.get(id);
    }
    Identity i = identities.get(id);
    boolean ns =
        switch (selector.namespaces()) {
          case NamespaceMatch.Named n -> n.name().equals(i.namespace());
          case NamespaceMatch.Selected s -> s.selector().matches(i.namespaceLabels());
        };
    return ns && selector.pods().matches(i.labels());
  }

  private List<Integer> selectNamespaces(NamespaceMatch.Selected s) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < namespaces.size(); i++) {
      if (s.selector().matches(namespaces.get(i).labels())) {
        out.add(i);
      }
    }
    return List.copyOf(out);
  }

  private List<Integer> namespacesMatching(NamespaceMatch match) {
    return switch (match) {
      case NamespaceMatch.Named n -> {
        Integer i = nsIndex.get(n.name());
        yield i == null ? List.of() : List.of(i);
      }
      case NamespaceMatch.Selected s -> nsCache.computeIfAbsent(s, this::selectNamespaces);
    };
  }
}
