package dev.gatehouse.admission.azure;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.gatehouse.admission.ConstraintTemplate;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Gatehouse's built-in ConstraintTemplates for Azure Policy for Kubernetes: one for each template a
 * published definition names, keyed as Azure's template store keys them ({@code
 * https://store.policy.core.windows.net/kubernetes/<name>/<vN>/template.yaml} → {@code <name>},
 * {@code <vN>}).
 *
 * <p>The templates are our own code (CEL where CEL can express the policy and Azure's message, Rego
 * otherwise), shipped as resources {@code
 * dev/gatehouse/admission/azure/templates/<name>/<vN>/template.yaml} and listed in {@code
 * .../templates/index.txt}; their constraint kinds and parameters are Azure's. Each is read and
 * validated once, then shared (templates are immutable). See {@code docs/azure-policy-builtins.md}
 * for the catalogue.
 */
public final class BuiltinTemplates {
  /** The resource folder of the templates. */
  static final String ROOT = "dev/gatehouse/admission/azure/templates/";

  private static final Pattern NAME = Pattern.compile("^[a-z0-9][-a-z0-9]*$");
  private static final Pattern VERSION = Pattern.compile("^v[0-9]+$");
  private static final List<String> INDEX = readIndex();
  private static final ConcurrentMap<String, ConstraintTemplate> CACHE = new ConcurrentHashMap<>();

  private BuiltinTemplates() {}

  /** Every built-in template as {@code <name>/<vN>}, sorted. */
  public static List<String> list() {
    return INDEX;
  }

  /**
   * The built-in template {@code name} (the store URL's segment after {@code /kubernetes/}, e.g.
   * {@code container-no-privilege}) at {@code version} ({@code v2}), if there is one. A template
   * that fails to load (a packaging bug) is reported to {@code diagnostics} and not returned; an
   * unknown name or version is simply absent.
   */
  public static Optional<ConstraintTemplate> find(
      String name, String version, Diagnostics diagnostics) {
    String id = name + "/" + version;
    if (!NAME.matcher(name).matches()
        || !VERSION.matcher(version).matches()
        || !INDEX.contains(id)) {
      return Optional.empty();
    }
    ConstraintTemplate cached = CACHE.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    Diagnostics local = new Diagnostics();
    Optional<ConstraintTemplate> loaded =
        source(name, version)
            .flatMap(
                yaml ->
                    TemplateStore.single(
                        KubeLoader.parse(yaml, "builtin:" + ROOT + id + "/template.yaml", local),
                        local));
    local.all().forEach(diagnostics::add);
    if (local.hasErrors()) {
      return Optional.empty();
    }
    loaded.ifPresent(t -> CACHE.putIfAbsent(id, t));
    return loaded.map(t -> CACHE.getOrDefault(id, t));
  }

  /**
   * The built-in template a definition's template URL names: a store URL ({@code
   * https://store.policy.core.windows.net/kubernetes/<name>/<vN>/template.yaml}) or a deprecated
   * GitHub copy ({@code .../built-in-references/Kubernetes/<name>/template.yaml}, the store's
   * {@code v1}).
   */
  public static Optional<ConstraintTemplate> findByUrl(String url, Diagnostics diagnostics) {
    return idOfUrl(url)
        .flatMap(
            id ->
                find(
                    id.substring(0, id.indexOf('/')),
                    id.substring(id.indexOf('/') + 1),
                    diagnostics));
  }

  /**
   * The {@code <name>/<vN>} a store or deprecated GitHub template URL names, whether or not it is
   * built in.
   */
  public static Optional<String> idOfUrl(String url) {
    Matcher store = TemplateUrls.STORE.matcher(url);
    if (store.matches()) {
      return Optional.of(store.group(1) + "/" + store.group(2));
    }
    Matcher legacy = TemplateUrls.LEGACY.matcher(url);
    if (legacy.matches()) {
      return Optional.of(legacy.group(1) + "/v1");
    }
    return Optional.empty();
  }

  /** The YAML text of the built-in template {@code name}/{@code version}, if there is one. */
  public static Optional<String> source(String name, String version) {
    if (!NAME.matcher(name).matches() || !VERSION.matcher(version).matches()) {
      return Optional.empty();
    }
    return resource(ROOT + name + "/" + version + "/template.yaml");
  }

  private static List<String> readIndex() {
    String text =
        resource(ROOT + "index.txt")
            .orElseThrow(() -> new IllegalStateException("missing resource " + ROOT + "index.txt"));
    return text.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .sorted()
        .toList();
  }

  private static Optional<String> resource(String path) {
    try (InputStream in = BuiltinTemplates.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + path, e);
    }
  }
}
