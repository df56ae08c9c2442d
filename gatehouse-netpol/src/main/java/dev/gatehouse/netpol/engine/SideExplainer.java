package dev.gatehouse.netpol.engine;

import static dev.gatehouse.netpol.engine.ExplainRegions.append;
import static dev.gatehouse.netpol.engine.ExplainRegions.concat;
import static dev.gatehouse.netpol.engine.ExplainRegions.refine;
import static dev.gatehouse.netpol.engine.ExplainRegions.sorted;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.engine.ExplainRegions.Cell;
import dev.gatehouse.netpol.engine.ExplainRegions.Region;
import dev.gatehouse.netpol.ir.Action;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.Isolation;
import dev.gatehouse.netpol.ir.RuleOrigin;
import dev.gatehouse.netpol.ir.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Explains one side of a pair (egress at the source or ingress at the destination) over the whole
 * connection space: a partition into regions, each allowed or denied for the same reasons.
 *
 * <p>Design note: the walk is {@link TierEvaluator}'s, with each connection labelled by what
 * decided it, following netpol-analyzer's explainability ({@code
 * pkg/netpol/eval/internal/k8s/policy_connections.go}, {@code netpol.go GetXgressAllowedConns}).
 * Admin rules decide first-match by priority and rule order; a passing rule is kept as a prefix of
 * the lower tiers' reasons. Deny-tier rules (Cilium) deny what they match, all of them named. In
 * the allow tier each policy answers for itself: its first rule allowing a connection, or, when it
 * isolates the subject and allows nothing there, its first rule selecting the peer (ports that do
 * not match, or named ports with no match on the destination) or the fact that no rule selects the
 * peer; allowing policies are all named, else every isolating policy is (sorted). Otherwise the
 * first matching baseline rule decides, and the system default allows the rest.
 *
 * <p>One netpol-analyzer quirk is kept: where an admin rule matched the pair with port structure
 * (anything but a first portless Pass rule) and the isolating policies allow none of what the admin
 * tier passed down, that part has no reasons on this side. netpol-analyzer adds the allow tier's
 * answer to the admin tier's allowed set ({@code policy_connections.go
 * CollectAllowedConnsFromNetpols}: {@code pc.AllowedConns.Union(newConn, false)}), and {@code
 * ConnectionSet.Union} ({@code internal/common/connectionset.go}) returns before touching the
 * implying rules when the added set is empty and either set has per-protocol ports; the passed
 * rules and the isolation reasons lived only in that set. When both sets are uniform (a first
 * portless Pass rule, and policies whose answer has no ports) the reasons are carried over.
 */
final class SideExplainer {
  /** Connections still to decide, with the reasons of the tiers that passed them down. */
  private record Pending(ConnectionSet conns, List<Reason> prefix) {}

  /**
   * What the admin tier passes down, and whether the allow tier's reasons survive when it allows
   * none of it (false when an admin rule matched, unless the first was a portless Pass rule).
   */
  private record Delegated(List<Pending> pending, boolean emptyAnswerExplained) {}

  /** What one allow-tier policy says about a connection. */
  private record Answer(boolean allows, Reason reason) {}

  /** The allow-tier answers collected for a connection. */
  private record Answers(List<Reason> allows, List<Reason> denies) {
    static final Answers NONE = new Answers(List.of(), List.of());

    boolean allowed() {
      return !allows.isEmpty();
    }

    Answers with(Answer a) {
      return a.allows()
          ? new Answers(append(allows, a.reason()), denies)
          : new Answers(allows, append(denies, a.reason()));
    }
  }

  /** The allow-tier rules of one policy that apply to the subject. */
  private static final class PolicyRules {
    private @Nullable RuleOrigin isolation;
    private int rules;
    private final List<IndexedRule> matching = new ArrayList<>();
  }

  private final CompiledNetwork net;
  private final Direction d;
  private final int subject;
  private final int peer;
  private final String subjectLabel;
  private final String peerLabel;
  private final PeerView view;
  private final ExplainRegions.Builder regions = new ExplainRegions.Builder();

  private SideExplainer(
      CompiledNetwork net,
      Direction d,
      int subject,
      int peer,
      String subjectLabel,
      String peerLabel) {
    this.net = net;
    this.d = d;
    this.subject = subject;
    this.peer = peer;
    this.subjectLabel = subjectLabel;
    this.peerLabel = peerLabel;
    this.view = PeerView.atIndex(net, d, subject, peer);
  }

  /**
   * The regions of identity {@code subject}'s side towards the peer at index {@code peer} of the
   * direction's peer space; the labels name them in the reasons.
   */
  static List<Region> explain(
      CompiledNetwork net,
      Direction d,
      int subject,
      int peer,
      String subjectLabel,
      String peerLabel) {
    return new SideExplainer(net, d, subject, peer, subjectLabel, peerLabel).run();
  }

  /** The side of a peer that no policy can select (an address, an entity): allowed by default. */
  static List<Region> systemDefault() {
    return List.of(new Region(ConnectionSet.ALL, true, List.of(ExplanationReasons.SYSTEM_DEFAULT)));
  }

  private List<Region> run() {
    Delegated admin = admin();
    List<Pending> lower = denyTier(admin.pending());
    if (view.isolated()) {
      allowTier(lower, admin.emptyAnswerExplained());
    } else {
      baseline(lower);
    }
    return regions.regions();
  }

  private Delegated admin() {
    List<Pending> lower = new ArrayList<>();
    ConnectionSet remaining = ConnectionSet.ALL;
    boolean emptyAnswerExplained = true;
    for (IndexedRule r : rules(Tier.ADMIN)) {
      ConnectionSet taken = r.conns(view.dst()).intersect(remaining);
      if (taken.isEmpty()) {
        continue;
      }
      if (remaining.isAll()) {
        emptyAnswerExplained = r.rule().action() == Action.PASS && r.rule().ports().isEmpty();
      }
      List<Reason> why = List.of(ExplanationReasons.decided(r));
      switch (r.rule().action()) {
        case ALLOW -> add(taken, true, why);
        case DENY -> add(taken, false, why);
        case PASS -> lower.add(new Pending(taken, why));
      }
      remaining = remaining.subtract(taken);
    }
    if (!remaining.isEmpty()) {
      lower.add(new Pending(remaining, List.of()));
    }
    return new Delegated(lower, emptyAnswerExplained);
  }

  private List<Pending> denyTier(List<Pending> lower) {
    List<IndexedRule> deny = rules(Tier.DENY);
    if (deny.isEmpty()) {
      return lower;
    }
    List<Pending> out = new ArrayList<>();
    for (Pending p : lower) {
      List<Cell<List<Reason>>> cells = List.of(new Cell<>(p.conns(), List.of()));
      for (IndexedRule r : deny) {
        Reason why = ExplanationReasons.decided(r);
        cells = refine(cells, r.conns(view.dst()), l -> append(l, why));
      }
      for (Cell<List<Reason>> c : cells) {
        if (c.label().isEmpty()) {
          out.add(new Pending(c.conns(), p.prefix()));
        } else {
          add(c.conns(), false, concat(p.prefix(), c.label()));
        }
      }
    }
    return out;
  }

  private void allowTier(List<Pending> lower, boolean emptyAnswerExplained) {
    List<List<Cell<Answer>>> policies = policyAnswers();
    List<List<Cell<Answers>>> answered =
        lower.stream().map(p -> answered(p.conns(), policies)).toList();
    boolean explained =
        emptyAnswerExplained
            || answered.stream().flatMap(List::stream).anyMatch(c -> c.label().allowed());
    for (int i = 0; i < lower.size(); i++) {
      for (Cell<Answers> c : answered.get(i)) {
        boolean allowed = c.label().allowed();
        List<Reason> why = sorted(allowed ? c.label().allows() : c.label().denies());
        add(c.conns(), allowed, explained ? concat(lower.get(i).prefix(), why) : List.of());
      }
    }
  }

  /** {@code conns} split by the answers of every allow-tier policy. */
  private static List<Cell<Answers>> answered(
      ConnectionSet conns, List<List<Cell<Answer>>> policies) {
    List<Cell<Answers>> cells = List.of(new Cell<>(conns, Answers.NONE));
    for (List<Cell<Answer>> policy : policies) {
      for (Cell<Answer> a : policy) {
        cells = refine(cells, a.conns(), acc -> acc.with(a.label()));
      }
    }
    return cells;
  }

  /** For each allow-tier policy applying to the subject, its answer for every connection. */
  private List<List<Cell<Answer>>> policyAnswers() {
    Map<String, PolicyRules> byPolicy = new LinkedHashMap<>();
    for (Isolation i : net.isolationsOf(d, subject)) {
      PolicyRules p = byPolicy.computeIfAbsent(key(i.origin()), k -> new PolicyRules());
      if (p.isolation == null) {
        p.isolation = i.origin();
      }
    }
    for (IndexedRule r : net.rulesOf(d, subject)) {
      if (r.rule().tier() == Tier.ALLOW) {
        PolicyRules p = byPolicy.computeIfAbsent(key(r.rule().origin()), k -> new PolicyRules());
        p.rules++;
        if (r.peers().get(peer)) {
          p.matching.add(r);
        }
      }
    }
    List<List<Cell<Answer>>> out = new ArrayList<>();
    for (PolicyRules p : byPolicy.values()) {
      out.add(answers(p));
    }
    return out;
  }

  private List<Cell<Answer>> answers(PolicyRules p) {
    List<Cell<Answer>> out = new ArrayList<>();
    ConnectionSet allowed = ConnectionSet.NONE;
    for (IndexedRule r : p.matching) {
      ConnectionSet c = r.conns(view.dst());
      if (!c.subtract(allowed).isEmpty()) {
        out.add(new Cell<>(c.subtract(allowed), new Answer(true, ExplanationReasons.decided(r))));
        allowed = allowed.union(c);
      }
    }
    ConnectionSet rest = ConnectionSet.ALL.subtract(allowed);
    if (p.isolation != null && !rest.isEmpty()) {
      out.add(new Cell<>(rest, new Answer(false, denial(p, p.isolation))));
    }
    return out;
  }

  /** Why an isolating policy allows nothing of the rest. */
  private Reason denial(PolicyRules p, RuleOrigin isolation) {
    if (p.matching.isEmpty()) {
      return ExplanationReasons.notSelected(isolation, d, subjectLabel, peerLabel, p.rules == 0);
    }
    IndexedRule first = p.matching.getFirst();
    boolean namedPorts = first.conns(view.dst()).isEmpty() && !first.rule().ports().isEmpty();
    return ExplanationReasons.unmatched(first.rule().origin(), subjectLabel, peerLabel, namedPorts);
  }

  private void baseline(List<Pending> lower) {
    List<IndexedRule> baseline = rules(Tier.BASELINE);
    for (Pending p : lower) {
      ConnectionSet rest = p.conns();
      for (IndexedRule r : baseline) {
        ConnectionSet taken = r.conns(view.dst()).intersect(rest);
        if (taken.isEmpty()) {
          continue;
        }
        boolean allowed = r.rule().action() == Action.ALLOW;
        add(taken, allowed, append(p.prefix(), ExplanationReasons.decided(r)));
        rest = rest.subtract(taken);
      }
      if (!rest.isEmpty()) {
        add(rest, true, append(p.prefix(), ExplanationReasons.SYSTEM_DEFAULT));
      }
    }
  }

  private List<IndexedRule> rules(Tier tier) {
    return view.rules().stream().filter(r -> r.rule().tier() == tier).toList();
  }

  private void add(ConnectionSet conns, boolean allowed, List<Reason> reasons) {
    regions.add(conns, allowed, reasons);
  }

  private static String key(RuleOrigin o) {
    return o.kind() + "\u0000" + o.policy();
  }
}
