package dev.gatehouse.admission.azure;

import com.google.re2j.Matcher;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a definition's ConstraintTemplate comes from ({@code details.templateInfo}, or the
 * deprecated {@code details.constraintTemplate}), resolved offline:
 *
 * <ul>
 *   <li>{@link Store}: Azure's template store ({@code
 *       https://store.policy.core.windows.net/kubernetes/<name>/<vN>/template.yaml}), served by a
 *       {@link TemplateStore} (the built-in library first). The deprecated GitHub copies ({@code
 *       .../built-in-references/Kubernetes/<name>/template.yaml}) are the store's {@code v1}.
 *   <li>{@link Inline}: {@code sourceType: Base64Encoded} with the template YAML in {@code
 *       content}.
 *   <li>{@link LocalFile}: a custom definition's {@code url} that is a {@code file:} URL or a path
 *       (relative to the definition file).
 *   <li>{@link Remote}: any other URL, which cannot be fetched offline.
 * </ul>
 */
public sealed interface TemplateRef {
  /** A template of Azure's store. */
  record Store(String url, String name, String version) implements TemplateRef {}

  /** A template given inline (base64-decoded YAML). */
  record Inline(String yaml) implements TemplateRef {}

  /** A template in a local file. */
  record LocalFile(String written, Path path) implements TemplateRef {}

  /** A URL that is neither the store nor local. */
  record Remote(String url) implements TemplateRef {}

  /** The store's URL prefix. */
  String STORE_PREFIX = "https://store.policy.core.windows.net/kubernetes/";

  /** The URL (or file, or {@code base64 content}) as written, for messages. */
  default String describe() {
    return switch (this) {
      case Store s -> s.url();
      case Inline i -> "Base64Encoded content";
      case LocalFile f -> f.written();
      case Remote r -> r.url();
    };
  }

  /**
   * Classifies a template URL (or path) written in the definition at {@code definitionFile}.
   *
   * @param definitionFile the definition's file, against which relative paths resolve
   */
  static TemplateRef ofUrl(String url, String definitionFile) {
    Matcher m = TemplateUrls.STORE.matcher(url);
    if (m.matches()) {
      return new Store(url, m.group(1), m.group(2));
    }
    Matcher legacy = TemplateUrls.LEGACY.matcher(url);
    if (legacy.matches()) {
      return new Store(url, legacy.group(1), "v1");
    }
    try {
      URI uri = new URI(url);
      if ("file".equalsIgnoreCase(uri.getScheme())) {
        return new LocalFile(url, Path.of(uri));
      }
      if (uri.getScheme() != null) {
        return new Remote(url);
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      // Not a URL: read as a path.
    }
    Path base = Path.of(definitionFile).toAbsolutePath().getParent();
    Path p = Path.of(url);
    return new LocalFile(url, base == null || p.isAbsolute() ? p : base.resolve(p).normalize());
  }

  /**
   * Decodes {@code Base64Encoded} content.
   *
   * @return the YAML, or empty when the content is not base64
   */
  static Optional<TemplateRef> ofBase64(String content) {
    try {
      byte[] bytes = Base64.getMimeDecoder().decode(content.trim());
      return Optional.of(new Inline(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
