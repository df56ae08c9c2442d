package dev.gatehouse.admission.cel;

import static dev.gatehouse.admission.cel.Decls.fn;
import static dev.gatehouse.admission.cel.Decls.member;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeParamType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * Kubernetes' lists library ({@code k8s.io/apiserver/pkg/cel/library/lists.go}): {@code
 * isSorted()}, {@code sum()}, {@code min()}, {@code max()}, {@code indexOf(x)}, {@code
 * lastIndexOf(x)}. Elements compare as CEL does: numbers across int/double, strings, bools and
 * quantities; {@code min}/{@code max} of an empty list is an error, {@code sum} of one is 0.
 */
final class ListsLibrary implements KubeLibrary {
  private static final TypeParamType T = TypeParamType.create("T");
  private static final ListType LIST_T = ListType.create(T);

  @Override
  public List<CelFunctionDecl> declarations() {
    return List.of(
        fn("isSorted", member("list_is_sorted", SimpleType.BOOL, LIST_T)),
        fn("sum", member("list_sum", T, LIST_T)),
        fn("min", member("list_min", T, LIST_T)),
        fn("max", member("list_max", T, LIST_T)),
        fn("indexOf", member("list_a_index_of_int", SimpleType.INT, LIST_T, T)),
        fn("lastIndexOf", member("list_a_last_index_of_int", SimpleType.INT, LIST_T, T)));
  }

  @Override
  public List<CelFunctionBinding> bindings() {
    return List.of(
        CelFunctionBinding.from("list_is_sorted", List.class, ListsLibrary::isSorted),
        CelFunctionBinding.from("list_sum", List.class, ListsLibrary::sum),
        CelFunctionBinding.from("list_min", List.class, l -> extreme(l, -1, "min")),
        CelFunctionBinding.from("list_max", List.class, l -> extreme(l, 1, "max")),
        CelFunctionBinding.from(
            "list_a_index_of_int", List.class, Object.class, (l, x) -> indexOf(l, x, false)),
        CelFunctionBinding.from(
            "list_a_last_index_of_int", List.class, Object.class, (l, x) -> indexOf(l, x, true)));
  }

  static boolean isSorted(List<?> list) throws CelEvaluationException {
    for (int i = 1; i < list.size(); i++) {
      if (compare(list.get(i - 1), list.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  static Object sum(List<?> list) throws CelEvaluationException {
    long longSum = 0;
    double doubleSum = 0;
    boolean isDouble = false;
    for (Object o : list) {
      switch (o) {
        case Long l -> longSum = Math.addExact(longSum, l);
        case Double d -> {
          isDouble = true;
          doubleSum += d;
        }
        default -> throw Decls.error("sum: no such overload for list element " + describe(o));
      }
    }
    return isDouble ? (Object) (doubleSum + longSum) : (Object) longSum;
  }

  static Object extreme(List<?> list, int sign, String name) throws CelEvaluationException {
    if (list.isEmpty()) {
      throw Decls.error(name + " called on empty list");
    }
    Object best = list.get(0);
    for (Object o : list) {
      if (compare(o, best) * sign > 0) {
        best = o;
      }
    }
    return best;
  }

  static long indexOf(List<?> list, Object x, boolean last) throws CelEvaluationException {
    long found = -1;
    for (int i = 0; i < list.size(); i++) {
      if (equal(list.get(i), x)) {
        found = i;
        if (!last) {
          return found;
        }
      }
    }
    return found;
  }

  private static boolean equal(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return a.equals(b);
  }

  /** CEL ordering of two comparable values. */
  static int compare(Object a, Object b) throws CelEvaluationException {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    if (a instanceof Quantity x && b instanceof Quantity y) {
      return x.compareTo(y);
    }
    throw Decls.error("no such overload: cannot compare " + describe(a) + " with " + describe(b));
  }

  private static String describe(Object o) {
    return o instanceof java.util.Map
        ? "map"
        : o instanceof List ? "list" : o.getClass().getSimpleName();
  }
}
