package dev.gatehouse.rego.internal.builtins;

import java.util.Map;

/** Collects builtin declarations into the table; each group of builtins registers itself. */
final class Registry {
  private final Map<String, Builtin> table;

  Registry(Map<String, Builtin> table) {
    this.table = table;
  }

  void add(String name, int arity, Builtin.Impl impl) {
    put(new Builtin(name, arity, false, impl));
  }

  void relation(String name, int arity, Builtin.Impl impl) {
    put(new Builtin(name, arity, true, impl));
  }

  private void put(Builtin b) {
    if (table.putIfAbsent(b.name(), b) != null) {
      throw new IllegalStateException("builtin " + b.name() + " declared twice");
    }
  }
}
