package dev.gatehouse.admission.azure;

import dev.gatehouse.admission.ConstraintTemplate;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Resolves a definition's template reference offline, once per reference: store templates from the
 * {@link TemplateStore}, inline ({@code Base64Encoded}) and local-file templates by reading them.
 * Remote URLs other than the store's are never fetched.
 */
final class TemplateResolver {
  private final TemplateStore store;
  private final Map<String, Optional<ConstraintTemplate>> cache = new HashMap<>();
  private final Map<String, String> problems = new HashMap<>();

  TemplateResolver(TemplateStore store) {
    this.store = store;
  }

  /**
   * The template {@code ref} names; when there is none, {@code problem} receives why ({@code
   * template <url> is not bundled}, ...).
   */
  Optional<ConstraintTemplate> resolve(
      TemplateRef ref, String definitionFile, Diagnostics diagnostics, Consumer<String> problem) {
    String key =
        switch (ref) {
          case TemplateRef.Inline i -> definitionFile + "#" + i.yaml().hashCode();
          default -> ref.describe();
        };
    Optional<ConstraintTemplate> t =
        cache.computeIfAbsent(key, k -> load(ref, definitionFile, k, diagnostics));
    if (t.isEmpty()) {
      problem.accept(problems.getOrDefault(key, "template " + ref.describe() + " is not bundled"));
    }
    return t;
  }

  private Optional<ConstraintTemplate> load(
      TemplateRef ref, String definitionFile, String key, Diagnostics diagnostics) {
    switch (ref) {
      case TemplateRef.Store s -> {
        return store.find(s.name(), s.version(), diagnostics);
      }
      case TemplateRef.Inline i -> {
        String where = definitionFile + " (templateInfo content)";
        return TemplateStore.single(KubeLoader.parse(i.yaml(), where, diagnostics), diagnostics)
            .or(() -> fail(key, "its Base64Encoded template holds no valid ConstraintTemplate"));
      }
      case TemplateRef.LocalFile f -> {
        if (!Files.isRegularFile(f.path())) {
          return fail(key, "template file " + f.path() + " does not exist");
        }
        return TemplateStore.single(
                KubeLoader.standard().load(List.of(f.path().toString()), diagnostics), diagnostics)
            .or(
                () ->
                    fail(key, "template file " + f.path() + " holds no valid ConstraintTemplate"));
      }
      case TemplateRef.Remote r -> {
        return fail(
            key,
            "template "
                + r.url()
                + " is not bundled (only Azure's template store is served offline; give custom"
                + " templates as Base64Encoded content or a file path)");
      }
    }
  }

  private Optional<ConstraintTemplate> fail(String key, String why) {
    problems.put(key, why);
    return Optional.empty();
  }
}
