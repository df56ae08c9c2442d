package dev.gatehouse.admission.audit;

import dev.gatehouse.kube.SourceLocation;

/**
 * An audited resource: what it is and where it was read.
 *
 * @param apiVersion {@code apiVersion}
 * @param kind {@code kind}
 * @param namespace its namespace, "" for cluster-scoped objects
 * @param name {@code metadata.name}
 * @param uid {@code metadata.uid}, "" when absent
 * @param location the file and line it was read from
 */
public record ResourceRef(
    String apiVersion,
    String kind,
    String namespace,
    String name,
    String uid,
    SourceLocation location) {

  /** {@code ns/Kind/name} or {@code Kind/name}: the key used in tables and JUnit. */
  public String key() {
    return (namespace.isEmpty() ? "" : namespace + "/") + kind + "/" + name;
  }

  /** The API group ("" for the core group). */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
