package dev.gatehouse.admission.azure;

import dev.gatehouse.admission.PolicyLoader;
import dev.gatehouse.admission.PolicySet;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link PolicyLoader} with assignments: reads the {@code PolicyAssignment} objects of an input,
 * expands them into templates and constraints against a definition catalog and a template store,
 * and loads everything else as {@link PolicyLoader} does.
 *
 * <pre>{@code
 * AzurePolicySet set = AzurePolicyLoader.load(objects, () -> catalog, TemplateStore.builtin(), d);
 * PolicySnapshot snapshot = engine.compile(set.policies(), d);
 * }</pre>
 */
public final class AzurePolicyLoader {
  private AzurePolicyLoader() {}

  /**
   * Loads {@code objects}; the catalog is only obtained when the input has assignments. Problems
   * are located diagnostics; a bad assignment deploys nothing, the rest is still used.
   */
  public static AzurePolicySet load(
      List<KubeObject> objects,
      Supplier<DefinitionCatalog> catalog,
      TemplateStore store,
      Diagnostics diagnostics) {
    List<KubeObject> rest = new ArrayList<>();
    List<PolicyAssignment> assignments = new ArrayList<>();
    for (KubeObject o : objects) {
      if (AssignmentReader.isAssignment(o)) {
        AssignmentReader.read(o, diagnostics).ifPresent(assignments::add);
      } else {
        rest.add(o);
      }
    }
    if (objects.stream().noneMatch(AssignmentReader::isAssignment)) {
      return new AzurePolicySet(PolicyLoader.load(objects, diagnostics), List.of(), List.of());
    }
    List<PolicyAssignment> unique = unique(assignments, diagnostics);
    AssignmentExpander expander = new AssignmentExpander(catalog.get(), store, diagnostics);
    unique.forEach(expander::expand);
    List<KubeObject> all = new ArrayList<>(rest);
    all.addAll(expander.templates());
    all.addAll(expander.constraints());
    PolicySet set = PolicyLoader.load(all, diagnostics);
    return new AzurePolicySet(set, unique, expander.deployed());
  }

  private static List<PolicyAssignment> unique(List<PolicyAssignment> assignments, Diagnostics d) {
    List<PolicyAssignment> out = new ArrayList<>();
    for (PolicyAssignment a : assignments) {
      PolicyAssignment first =
          out.stream().filter(o -> o.name().equals(a.name())).findFirst().orElse(null);
      if (first == null) {
        out.add(a);
      } else {
        d.error(
            "duplicate-assignment",
            a.origin().location(),
            "PolicyAssignment "
                + a.name()
                + " is already defined at "
                + first.origin().location()
                + "; ignored");
      }
    }
    return out;
  }
}
