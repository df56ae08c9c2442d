package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.PolicyRule;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A read-only view of what the engine computed for the rules of a {@link CompiledNetwork}: for
 * analyses that judge the rules themselves (lint) rather than connections. Peers are numbered as in
 * the engine: identities {@code [0, identityCount)}, then the direction's address ranges, then
 * cluster entities and DNS patterns.
 */
public final class RuleInspector {
  private final CompiledNetwork net;
  private final List<Matched> rules;

  private RuleInspector(CompiledNetwork net) {
    this.net = net;
    List<Matched> out = new ArrayList<>();
    for (IndexedRule r : net.rules()) {
      out.add(new Matched(r));
    }
    this.rules = List.copyOf(out);
  }

  /** The view of {@code net}. */
  public static RuleInspector of(CompiledNetwork net) {
    return new RuleInspector(net);
  }

  /** One compiled rule with its evaluated selectors. */
  public static final class Matched {
    private final IndexedRule indexed;

    Matched(IndexedRule indexed) {
      this.indexed = indexed;
    }

    /** The rule. */
    public PolicyRule rule() {
      return indexed.rule();
    }

    /** The identities the rule applies to (a copy). */
    public BitSet subjects() {
      return (BitSet) indexed.subjects().clone();
    }

    /** The peers the rule matches, by peer index (a copy). */
    public BitSet peers() {
      return (BitSet) indexed.peers().clone();
    }

    /** Whether the rule matches every peer of its direction. */
    public boolean allPeers() {
      return indexed.allPeers();
    }

    /** The connections the rule matches towards destination {@code dst} (null: not a workload). */
    public ConnectionSet conns(@Nullable Identity dst) {
      return indexed.conns(dst);
    }
  }

  /** Every rule, in the engine's precedence order (tier, priority, policy, direction, order). */
  public List<Matched> rules() {
    return rules;
  }

  /** The number of identities; peer indexes below it are identities. */
  public int identityCount() {
    return net.identities().size();
  }

  /** The identity at peer index {@code peer}, or null when the peer is not a workload. */
  public @Nullable Identity identityAt(int peer) {
    return net.identityAt(peer);
  }

  /** Whether {@code identity} is isolated (default deny) in the allow tier in {@code d}. */
  public boolean isolated(Direction d, int identity) {
    return net.isIsolated(d, identity);
  }

  /** The address ranges that are peers in {@code d}, in peer order after the identities. */
  public List<IpRange> ranges(Direction d) {
    return net.ipPeers(d);
  }

  /**
   * What {@code subject}'s own side allows in {@code d} towards peer index {@code peer}: for egress
   * what the subject may send, for ingress what it may receive (the other side is not consulted).
   */
  public ConnectionSet sideAllowed(Direction d, int subject, int peer) {
    return net.result(d, subject).get(peer);
  }

  /** The peer index of the address range of {@code d} that contains {@code address}. */
  public OptionalInt peerOfAddress(Direction d, IpRange address) {
    return net.space(d).indexOfAddress(address);
  }
}
