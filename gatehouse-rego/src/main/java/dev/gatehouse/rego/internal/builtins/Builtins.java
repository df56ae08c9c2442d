package dev.gatehouse.rego.internal.builtins;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The table of builtins: name to declaration (arity and implementation). */
public final class Builtins {
  private static final Map<String, Builtin> TABLE;

  static {
    Map<String, Builtin> m = new TreeMap<>();
    Registry r = new Registry(m);
    Operators.register(r);
    StringFunctions.register(r);
    Aggregates.register(r);
    CollectionFunctions.register(r);
    TypeFunctions.register(r);
    RegexFunctions.register(r);
    Encodings.register(r);
    MiscFunctions.register(r);
    TABLE = Collections.unmodifiableMap(m);
  }

  private Builtins() {}

  /** The builtin with this name, or null. */
  public static @Nullable Builtin lookup(String name) {
    return TABLE.get(name);
  }

  /** All builtins sorted by name. */
  public static Map<String, Builtin> all() {
    return TABLE;
  }
}
