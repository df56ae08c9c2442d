package dev.gatehouse.netpol.l7;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A non-deterministic automaton for one normalized DNS pattern, built from the same pieces as
 * Cilium's regular expression ({@code pkg/fqdn/matchpattern/matchpattern.go} {@code
 * ToAnchoredRegexp}): a literal character matches itself, {@code *} any run of label characters
 * {@code [-a-z0-9_]} (never a dot), a leading {@code **.} one or more whole labels each followed by
 * a dot, and the match-all pattern every name made of labels (or the root {@code .}).
 *
 * <p>Besides matching names, the automaton decides language inclusion by a product of subset
 * constructions, which is what tells whether one pattern covers every name of another.
 */
final class FqdnAutomaton {
  private static final String LABEL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final char LABEL = '\u0000';

  /** Transitions: from, symbol (a character, or {@link #LABEL} for any label character), to. */
  private final List<int[]> edges = new ArrayList<>();

  private final List<int[]> epsilons = new ArrayList<>();
  private final Set<Character> literals = new TreeSet<>();
  private int states = 1;
  private int accept;

  private FqdnAutomaton() {}

  /** Builds the automaton of a pattern normalized by {@link FqdnPattern}. */
  static FqdnAutomaton of(String pattern, boolean matchAll) {
    FqdnAutomaton a = new FqdnAutomaton();
    if (matchAll) {
      a.buildMatchAll();
      return a;
    }
    int cur = 0;
    int i = 0;
    if (pattern.matches("^\\*{2,}\\..*")) {
      cur = a.subdomains(cur);
      i = pattern.indexOf('.') + 1;
    }
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '*') {
        int t = a.newState();
        a.epsilons.add(new int[] {cur, t});
        a.edge(t, LABEL, t);
        cur = t;
        while (i < pattern.length() && pattern.charAt(i) == '*') {
          i++;
        }
        continue;
      }
      int t = a.newState();
      a.edge(cur, c, t);
      a.literals.add(c);
      cur = t;
      i++;
    }
    a.accept = cur;
    return a;
  }

  private void buildMatchAll() {
    int inLabel = newState();
    int afterDot = newState();
    int root = newState();
    int done = newState();
    edge(0, '.', root);
    edge(0, LABEL, inLabel);
    edge(inLabel, LABEL, inLabel);
    edge(inLabel, '.', afterDot);
    edge(afterDot, LABEL, inLabel);
    literals.add('.');
    // Two ways to finish: the root name alone, or labels each followed by a dot.
    epsilons.add(new int[] {root, done});
    epsilons.add(new int[] {afterDot, done});
    accept = done;
  }

  /** {@code ([-a-z0-9_]+[.])+} starting at {@code from}; returns the state after it. */
  private int subdomains(int from) {
    int inLabel = newState();
    int afterDot = newState();
    edge(from, LABEL, inLabel);
    edge(inLabel, LABEL, inLabel);
    edge(inLabel, '.', afterDot);
    edge(afterDot, LABEL, inLabel);
    literals.add('.');
    return afterDot;
  }

  private int newState() {
    return states++;
  }

  private void edge(int from, char symbol, int to) {
    edges.add(new int[] {from, symbol, to});
  }

  /** Whether the automaton accepts {@code name} (already lower-case, with its trailing dot). */
  boolean matches(String name) {
    BitSet cur = closure(single(0));
    for (int i = 0; i < name.length() && !cur.isEmpty(); i++) {
      cur = step(cur, name.charAt(i));
    }
    return cur.get(accept);
  }

  /**
   * Whether every valid name {@code other} accepts is accepted by this automaton. Valid names are
   * the root {@code .} and dot-terminated non-empty labels: {@code *} may match an empty label in
   * Cilium's expression, but no DNS name has one.
   */
  boolean includes(FqdnAutomaton other) {
    List<Character> alphabet = alphabet(other);
    ArrayDeque<Object[]> queue = new ArrayDeque<>();
    Set<List<Object>> seen = new HashSet<>();
    Object[] start = {other.closure(single(0)), closure(single(0)), Validity.START};
    queue.add(start);
    seen.add(List.of(start));
    while (!queue.isEmpty()) {
      Object[] t = queue.poll();
      BitSet theirs = (BitSet) t[0];
      BitSet ours = (BitSet) t[1];
      Validity valid = (Validity) t[2];
      if (valid.complete() && theirs.get(other.accept) && !ours.get(accept)) {
        return false;
      }
      for (char c : alphabet) {
        Object[] next = {other.step(theirs, c), step(ours, c), valid.next(c)};
        if (!((BitSet) next[0]).isEmpty() && next[2] != Validity.DEAD && seen.add(List.of(next))) {
          queue.add(next);
        }
      }
    }
    return true;
  }

  /** Where a name is in the grammar of valid names. */
  private enum Validity {
    START,
    IN_LABEL,
    AFTER_DOT,
    ROOT,
    DEAD;

    boolean complete() {
      return this == AFTER_DOT || this == ROOT;
    }

    Validity next(char c) {
      boolean label = LABEL_CHARS.indexOf(c) >= 0;
      return switch (this) {
        case START -> label ? IN_LABEL : c == '.' ? ROOT : DEAD;
        case IN_LABEL -> label ? IN_LABEL : c == '.' ? AFTER_DOT : DEAD;
        case AFTER_DOT -> label ? IN_LABEL : DEAD;
        case ROOT, DEAD -> DEAD;
      };
    }
  }

  /**
   * The characters that can make a difference: every literal of both automata, the dot, and one
   * label character neither uses (all other label characters behave exactly like it).
   */
  private List<Character> alphabet(FqdnAutomaton other) {
    Set<Character> out = new TreeSet<>(literals);
    out.addAll(other.literals);
    out.add('.');
    for (char c : LABEL_CHARS.toCharArray()) {
      if (!out.contains(c)) {
        out.add(c);
        break;
      }
    }
    return List.copyOf(out);
  }

  private BitSet step(BitSet from, char c) {
    BitSet out = new BitSet(states);
    boolean label = LABEL_CHARS.indexOf(c) >= 0;
    for (int[] e : edges) {
      if (from.get(e[0]) && (e[1] == c || (e[1] == LABEL && label))) {
        out.set(e[2]);
      }
    }
    return closure(out);
  }

  private BitSet closure(BitSet set) {
    BitSet out = (BitSet) set.clone();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int[] e : epsilons) {
        if (out.get(e[0]) && !out.get(e[1])) {
          out.set(e[1]);
          changed = true;
        }
      }
    }
    return out;
  }

  private static BitSet single(int state) {
    BitSet b = new BitSet();
    b.set(state);
    return b;
  }
}
