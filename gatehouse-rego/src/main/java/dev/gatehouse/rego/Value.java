package dev.gatehouse.rego;

import dev.gatehouse.rego.internal.json.JsonReader;
import dev.gatehouse.rego.internal.json.JsonWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A Rego value: a JSON value or a set. Values are immutable and totally ordered as in OPA: null
 * &lt; boolean &lt; number &lt; string &lt; array &lt; object &lt; set; arrays compare
 * element-wise, objects and sets by their sorted keys.
 */
public sealed interface Value extends Comparable<Value>
    permits NullValue, BooleanValue, NumberValue, StringValue, ArrayValue, ObjectValue, SetValue {

  /** The position of this value's type in OPA's total order (null is 0, set is 6). */
  int typeRank();

  /** OPA's type name, as returned by {@code type_name}: null, boolean, number, string, ... */
  String typeName();

  /** Converts this value to plain Java: null, Boolean, BigDecimal, String, List, Map, or Set. */
  @Nullable Object toJava();

  /** The compact JSON text of this value; sets become arrays in sorted order. */
  default String toJson() {
    return JsonWriter.compact(this);
  }

  /** JSON indented by two spaces per level, as {@code opa eval} prints results. */
  default String toPrettyJson() {
    return JsonWriter.pretty(this);
  }

  /**
   * Converts plain Java to a value: null, Boolean, any Number, CharSequence, Map (keys converted
   * too), Collection (a Set becomes a Rego set), arrays of objects, or a Value (returned as is).
   *
   * @throws IllegalArgumentException if an object of another type is met
   */
  static Value of(@Nullable Object o) {
    return switch (o) {
      case null -> NullValue.INSTANCE;
      case Value v -> v;
      case Boolean b -> BooleanValue.of(b);
      case Integer i -> NumberValue.of(i);
      case Long l -> NumberValue.of(l);
      case Short s -> NumberValue.of(s);
      case Byte b -> NumberValue.of(b);
      case BigDecimal d -> NumberValue.of(d);
      case BigInteger i -> NumberValue.of(new BigDecimal(i));
      case Number n -> NumberValue.of(new BigDecimal(n.toString()));
      case CharSequence s -> new StringValue(s.toString());
      case Map<?, ?> m -> objectOf(m);
      case java.util.Set<?> s -> setOf(s);
      case Collection<?> c -> arrayOf(c);
      case Object[] a -> arrayOf(List.of(a));
      default ->
          throw new IllegalArgumentException(
              "cannot convert " + o.getClass().getName() + " to a Rego value");
    };
  }

  /**
   * Parses JSON text into a value.
   *
   * @throws IllegalArgumentException with the line and column if the text is not JSON
   */
  static Value parseJson(String json) {
    return JsonReader.parse(json);
  }

  private static Value objectOf(Map<?, ?> m) {
    TreeMap<Value, Value> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(of(k), of(v)));
    return ObjectValue.wrap(out);
  }

  private static Value setOf(Collection<?> c) {
    TreeSet<Value> out = new TreeSet<>();
    c.forEach(e -> out.add(of(e)));
    return SetValue.wrap(out);
  }

  private static Value arrayOf(Collection<?> c) {
    List<Value> out = new ArrayList<>(c.size());
    c.forEach(e -> out.add(of(e)));
    return ArrayValue.wrap(out);
  }
}
