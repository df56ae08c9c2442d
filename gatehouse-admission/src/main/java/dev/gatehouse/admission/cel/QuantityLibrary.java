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
import java.math.BigDecimal;
import java.util.List;

/**
 * Kubernetes' quantity library ({@code k8s.io/apiserver/pkg/cel/library/quantity.go}): {@code
 * quantity(s)}, {@code isQuantity(s)}, {@code sign()}, {@code isInteger()}, {@code asInteger()},
 * {@code asApproximateFloat()}, {@code add()}/{@code sub()} (quantity or int), {@code
 * isGreaterThan()}, {@code isLessThan()}, {@code compareTo()}.
 */
final class QuantityLibrary implements KubeLibrary {
  static final OpaqueType TYPE = OpaqueType.create("kubernetes.Quantity");

  @Override
  public List<CelFunctionDecl> declarations() {
    CelType str = SimpleType.STRING;
    return List.of(
        fn("quantity", global("string_to_quantity", TYPE, str)),
        fn("isQuantity", global("is_quantity_string", SimpleType.BOOL, str)),
        fn("sign", member("quantity_sign", SimpleType.INT, TYPE)),
        fn("isInteger", member("quantity_is_integer", SimpleType.BOOL, TYPE)),
        fn("asInteger", member("quantity_get_integer", SimpleType.INT, TYPE)),
        fn("asApproximateFloat", member("quantity_get_float", SimpleType.DOUBLE, TYPE)),
        fn(
            "add",
            member("quantity_add", TYPE, TYPE, TYPE),
            member("quantity_add_int", TYPE, TYPE, SimpleType.INT)),
        fn(
            "sub",
            member("quantity_sub", TYPE, TYPE, TYPE),
            member("quantity_sub_int", TYPE, TYPE, SimpleType.INT)),
        fn("isGreaterThan", member("quantity_is_greater_than", SimpleType.BOOL, TYPE, TYPE)),
        fn("isLessThan", member("quantity_is_less_than", SimpleType.BOOL, TYPE, TYPE)),
        fn("compareTo", member("quantity_compare_to", SimpleType.INT, TYPE, TYPE)));
  }

  @Override
  public List<CelFunctionBinding> bindings() {
    Class<Quantity> q = Quantity.class;
    return List.of(
        CelFunctionBinding.from("string_to_quantity", String.class, QuantityLibrary::parse),
        CelFunctionBinding.from(
            "is_quantity_string", String.class, s -> Quantity.parse(s).isPresent()),
        CelFunctionBinding.from("quantity_sign", q, x -> (long) x.value().signum()),
        CelFunctionBinding.from("quantity_is_integer", q, QuantityLibrary::isInteger),
        CelFunctionBinding.from("quantity_get_integer", q, QuantityLibrary::asInteger),
        CelFunctionBinding.from("quantity_get_float", q, x -> x.value().doubleValue()),
        CelFunctionBinding.from(
            "quantity_add", q, q, (a, b) -> Quantity.of(a.value().add(b.value()))),
        CelFunctionBinding.from(
            "quantity_add_int",
            q,
            Long.class,
            (a, b) -> Quantity.of(a.value().add(BigDecimal.valueOf(b)))),
        CelFunctionBinding.from(
            "quantity_sub", q, q, (a, b) -> Quantity.of(a.value().subtract(b.value()))),
        CelFunctionBinding.from(
            "quantity_sub_int",
            q,
            Long.class,
            (a, b) -> Quantity.of(a.value().subtract(BigDecimal.valueOf(b)))),
        CelFunctionBinding.from("quantity_is_greater_than", q, q, (a, b) -> a.compareTo(b) > 0),
        CelFunctionBinding.from("quantity_is_less_than", q, q, (a, b) -> a.compareTo(b) < 0),
        CelFunctionBinding.from("quantity_compare_to", q, q, (a, b) -> (long) a.compareTo(b)));
  }

  static Quantity parse(String s) throws CelEvaluationException {
    return Quantity.parse(s)
        .orElseThrow(
            () ->
                Decls.error(
                    "invalid quantity \""
                        + s
                        + "\": quantities must match ^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$"));
  }

  static boolean isInteger(Quantity q) {
    BigDecimal v = q.value();
    return v.signum() == 0 || (v.stripTrailingZeros().scale() <= 0 && fitsLong(v));
  }

  static long asInteger(Quantity q) throws CelEvaluationException {
    if (!isInteger(q)) {
      throw Decls.error("cannot convert value to integer: " + q + " is not an int64 integer");
    }
    return q.value().longValueExact();
  }

  private static boolean fitsLong(BigDecimal v) {
    return v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
        && v.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0;
  }
}
