package dev.gatehouse.admission.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;

/**
 * The CEL environment of {@code K8sNativeValidation}, as Kubernetes' base environment declares it
 * for ValidatingAdmissionPolicy: the variables {@code object}, {@code oldObject}, {@code request},
 * {@code params}, {@code namespaceObject} (all dynamic) and {@code variables}; standard macros;
 * optional types; heterogeneous numeric comparisons; the strings and sets extensions; and the
 * Kubernetes libraries (regex, lists, quantity, URL, IP/CIDR). Immutable and shared.
 */
final class CelEnvironment {
  static final List<String> ROOT_VARIABLES =
      List.of("object", "oldObject", "request", "params", "namespaceObject");

  private static final List<KubeLibrary> LIBRARIES =
      List.of(
          new RegexLibrary(),
          new ListsLibrary(),
          new QuantityLibrary(),
          new UrlLibrary(),
          new NetworkLibrary());

  private final CelCompiler compiler;
  private final CelRuntime runtime;

  CelEnvironment(CelLimits limits) {
    CelOptions options =
        CelOptions.current()
            .enableOptionalSyntax(true)
            .enableHeterogeneousNumericComparisons(true)
            .comprehensionMaxIterations(limits.maxIterations())
            .build();
    var cb =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addLibraries(
                CelExtensions.strings(), CelExtensions.sets(options), CelExtensions.optional())
            .addVar("variables", MapType.create(SimpleType.STRING, SimpleType.DYN));
    ROOT_VARIABLES.forEach(v -> cb.addVar(v, SimpleType.DYN));
    var rb =
        CelRuntimeFactory.legacyCelRuntimeBuilder()
            .setOptions(options)
            .addLibraries(
                CelExtensions.strings(), CelExtensions.sets(options), CelExtensions.optional());
    for (KubeLibrary lib : LIBRARIES) {
      cb.addFunctionDeclarations(lib.declarations());
      rb.addFunctionBindings(lib.bindings());
    }
    this.compiler = cb.build();
    this.runtime = rb.build();
  }

  /** Parses and type-checks {@code expression}. */
  CelAbstractSyntaxTree compile(String expression) throws CelValidationException {
    return compiler.compile(expression).getAst();
  }

  /** A program for a checked AST (immutable, thread-safe). */
  CelRuntime.Program program(CelAbstractSyntaxTree ast) throws CelEvaluationException {
    return runtime.createProgram(ast);
  }
}
