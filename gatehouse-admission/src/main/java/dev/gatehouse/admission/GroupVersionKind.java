package dev.gatehouse.admission;

/** A group, version and kind, as in an AdmissionRequest's {@code kind}; the core group is "". */
public record GroupVersionKind(String group, String version, String kind) {
  /**
   * Splits an {@code apiVersion} ({@code v1} or {@code apps/v1}) and pairs it with {@code kind}.
   */
  public static GroupVersionKind of(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    return slash < 0
        ? new GroupVersionKind("", apiVersion, kind)
        : new GroupVersionKind(
            apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
  }

  /** {@code v1} for the core group, {@code group/version} otherwise (data.inventory keys). */
  public String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
