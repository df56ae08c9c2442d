package dev.gatehouse.admission.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelEvaluationExceptionBuilder;

/** Shorthands for declaring the Kubernetes CEL libraries' functions. */
final class Decls {
  private Decls() {}

  static CelFunctionDecl fn(String name, CelOverloadDecl... overloads) {
    return CelFunctionDecl.newFunctionDeclaration(name, overloads);
  }

  static CelOverloadDecl member(String id, CelType result, CelType... receiverAndArgs) {
    return CelOverloadDecl.newMemberOverload(id, result, receiverAndArgs);
  }

  static CelOverloadDecl global(String id, CelType result, CelType... args) {
    return CelOverloadDecl.newGlobalOverload(id, result, args);
  }

  /** An evaluation error with {@code message}, as the library functions raise them. */
  static CelEvaluationException error(String message) {
    return CelEvaluationExceptionBuilder.newBuilder("%s", message).build();
  }
}
