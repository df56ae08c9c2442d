package dev.gatehouse.admission;

import dev.gatehouse.kube.LabelSelector;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A constraint's {@code spec.match}: every criterion that is set must hold (AND). Empty lists and
 * the empty {@code name} mean "any".
 *
 * @param kinds {@code kinds[]}; any entry may match
 * @param namespaces {@code namespaces} globs ({@code prefix*}, {@code *suffix}, {@code *contains*})
 * @param excludedNamespaces {@code excludedNamespaces} globs
 * @param labelSelector over the object's labels ({@link LabelSelector#ALL} when absent)
 * @param namespaceSelector over the labels of the object's Namespace; null when absent
 * @param scope {@code scope}
 * @param name the {@code name} glob, or "" when absent
 */
public record Match(
    List<KindSelector> kinds,
    List<String> namespaces,
    List<String> excludedNamespaces,
    LabelSelector labelSelector,
    @Nullable LabelSelector namespaceSelector,
    Scope scope,
    String name) {

  /** The match that selects every object. */
  public static final Match ALL =
      new Match(List.of(), List.of(), List.of(), LabelSelector.ALL, null, Scope.ALL, "");

  /** Copies the lists. */
  public Match {
    kinds = List.copyOf(kinds);
    namespaces = List.copyOf(namespaces);
    excludedNamespaces = List.copyOf(excludedNamespaces);
  }

  /** {@code spec.match.scope}. */
  public enum Scope {
    /** {@code *} (the default): every object. */
    ALL,
    /** {@code Cluster}: cluster-scoped objects, Namespaces included. */
    CLUSTER,
    /** {@code Namespaced}: namespaced objects. */
    NAMESPACED
  }

  /**
   * One {@code kinds[]} entry; an empty set or one containing {@code "*"} matches everything. The
   * core API group is {@code ""}.
   */
  public record KindSelector(Set<String> apiGroups, Set<String> kinds) {
    /** Copies the sets. */
    public KindSelector {
      apiGroups = Set.copyOf(apiGroups);
      kinds = Set.copyOf(kinds);
    }

    /** Whether an object of {@code group}/{@code kind} is selected. */
    public boolean matches(String group, String kind) {
      return matchesAny(apiGroups, group) && matchesAny(kinds, kind);
    }

    private static boolean matchesAny(Set<String> allowed, String value) {
      return allowed.isEmpty() || allowed.contains("*") || allowed.contains(value);
    }
  }
}
