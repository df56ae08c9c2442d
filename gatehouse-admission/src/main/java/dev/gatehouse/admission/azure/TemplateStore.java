package dev.gatehouse.admission.azure;

import dev.gatehouse.admission.ConstraintTemplate;
import dev.gatehouse.admission.PolicyLoader;
import dev.gatehouse.admission.PolicySet;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.KubeObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Serves the ConstraintTemplates of Azure's template store offline, by the store URL's path
 * segments after {@code /kubernetes/}: a name ({@code container-no-privilege}) and a version
 * ({@code v2}).
 */
@FunctionalInterface
public interface TemplateStore {
  /**
   * The template {@code name}/{@code version}, if this store has it; problems reading it are
   * reported to {@code diagnostics}.
   */
  Optional<ConstraintTemplate> find(String name, String version, Diagnostics diagnostics);

  /** Gatehouse's built-in template library ({@link BuiltinTemplates}). */
  static TemplateStore builtin() {
    return BuiltinTemplates::find;
  }

  /**
   * A directory laid out as the store ({@code DIR/<name>/<version>/template.yaml}), e.g. a mirror
   * of templates an air-gapped cluster uses; it must hold exactly one ConstraintTemplate per file.
   */
  static TemplateStore directory(Path dir) {
    return (name, version, diagnostics) -> {
      Path file = dir.resolve(name).resolve(version).resolve("template.yaml");
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      return single(KubeLoader.standard().load(List.of(file.toString()), diagnostics), diagnostics);
    };
  }

  /** This store, then {@code next} for templates this one does not have. */
  default TemplateStore orElse(TemplateStore next) {
    return (name, version, diagnostics) -> {
      Optional<ConstraintTemplate> t = find(name, version, diagnostics);
      return t.isPresent() ? t : next.find(name, version, diagnostics);
    };
  }

  /**
   * The one ConstraintTemplate among {@code objects} (validated), or empty with a diagnostic when
   * there is none, several, or it is invalid.
   */
  static Optional<ConstraintTemplate> single(List<KubeObject> objects, Diagnostics diagnostics) {
    List<KubeObject> templates = objects.stream().filter(PolicyLoader::isTemplate).toList();
    if (templates.size() != 1) {
      if (!objects.isEmpty()) {
        diagnostics.error(
            "bad-template-source",
            objects.get(0).location(),
            "expected exactly one ConstraintTemplate, found " + templates.size());
      }
      return Optional.empty();
    }
    PolicySet set = PolicyLoader.load(templates, diagnostics);
    return set.templates().stream().findFirst();
  }
}
