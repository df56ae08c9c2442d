package dev.gatehouse.rego;

import dev.gatehouse.rego.internal.ast.Module;
import dev.gatehouse.rego.internal.builtins.Builtins;
import dev.gatehouse.rego.internal.compile.Compiler;
import dev.gatehouse.rego.internal.parse.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Entry point: compiles Rego modules into an immutable, thread-safe {@link CompiledPolicy}.
 *
 * <pre>{@code
 * CompiledPolicy p = Rego.compile(List.of(new RegoModule("t.rego", src)));
 * ResultSet rs = p.query("data.t.violation[v]", input, data, EvalOptions.DEFAULTS);
 * }</pre>
 */
public final class Rego {
  private Rego() {}

  /**
   * Parses and compiles modules (Rego v0 syntax; v1 keywords when imported).
   *
   * @throws RegoException with OPA's codes ({@code rego_parse_error}, {@code rego_compile_error},
   *     {@code rego_type_error}, {@code rego_unsafe_var_error}, {@code rego_recursion_error})
   */
  public static CompiledPolicy compile(List<RegoModule> modules) {
    List<Module> parsed = new ArrayList<>(modules.size());
    List<RegoError> errors = new ArrayList<>();
    for (RegoModule m : modules) {
      try {
        parsed.add(guard(() -> Parser.parseModule(m.filename(), m.source()), m.filename()));
      } catch (RegoException e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new RegoException(errors);
    }
    Compiler.Compiled compiled = guard(() -> Compiler.compile(parsed), "");
    return new CompiledPolicy(compiled, parsed);
  }

  /** Compiles the given modules; see {@link #compile(List)}. */
  public static CompiledPolicy compile(RegoModule... modules) {
    return compile(List.of(modules));
  }

  /** The names of all supported builtin functions and operators, sorted. */
  public static SortedSet<String> builtins() {
    return new TreeSet<>(Builtins.all().keySet());
  }

  interface Work<T> {
    T run();
  }

  /** Runs parser or compiler work, turning stack exhaustion on absurd nesting into an error. */
  static <T> T guard(Work<T> w, String file) {
    try {
      return w.run();
    } catch (StackOverflowError e) {
      throw new RegoException(RegoException.PARSE, new Location(file, 1, 1), "nesting too deep");
    }
  }
}
