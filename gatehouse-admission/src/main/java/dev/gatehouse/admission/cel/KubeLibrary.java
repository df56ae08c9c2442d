package dev.gatehouse.admission.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/** One Kubernetes CEL library: its declarations (for the compiler) and bindings (runtime). */
interface KubeLibrary {
  /** The functions as the type checker sees them. */
  List<CelFunctionDecl> declarations();

  /** The implementations, by overload id. */
  List<CelFunctionBinding> bindings();
}
