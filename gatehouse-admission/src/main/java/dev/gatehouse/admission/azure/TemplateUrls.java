package dev.gatehouse.admission.azure;

import com.google.re2j.Pattern;

/** The template URLs definitions use: Azure's store, and the deprecated GitHub copies. */
final class TemplateUrls {
  /** {@code https://store.policy.core.windows.net/kubernetes/<name>/<vN>/template.yaml}. */
  static final Pattern STORE =
      Pattern.compile(
          "^https://store\\.policy\\.core\\.windows\\.net/kubernetes/([a-z0-9][-a-z0-9]*)/"
              + "(v[0-9]+)/template\\.yaml$");

  /** {@code https://raw.githubusercontent.com/Azure/azure-policy/<ref>/built-in-references/...}. */
  static final Pattern LEGACY =
      Pattern.compile(
          "^https://raw\\.githubusercontent\\.com/Azure/azure-policy/[^/]+/"
              + "built-in-references/Kubernetes/([a-z0-9][-a-z0-9]*)/template\\.yaml$");

  private TemplateUrls() {}
}
