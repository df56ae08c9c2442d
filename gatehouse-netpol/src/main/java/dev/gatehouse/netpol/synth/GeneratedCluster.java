package dev.gatehouse.netpol.synth;

import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.KubeObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A generated cluster: manifest files by relative path ({@code namespaces.yaml}, {@code
 * <ns>/workloads.yaml}, {@code <ns>/policies.yaml}; with the admin and Cilium layers also {@code
 * admin-policies.yaml} and {@code <ns>/cilium-policies.yaml}) and what they hold.
 *
 * @param namespaces every namespace, the system ones included
 * @param workloads every workload, the system ones included
 * @param policies every NetworkPolicy
 * @param adminPolicies every AdminNetworkPolicy and BaselineAdminNetworkPolicy
 * @param ciliumPolicies every CiliumNetworkPolicy
 */
public record GeneratedCluster(
    SortedMap<String, String> files,
    int namespaces,
    int workloads,
    int policies,
    int adminPolicies,
    int ciliumPolicies) {

  /** Copies the file map. */
  public GeneratedCluster {
    files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /** A cluster of NetworkPolicies only. */
  public GeneratedCluster(
      SortedMap<String, String> files, int namespaces, int workloads, int policies) {
    this(files, namespaces, workloads, policies, 0, 0);
  }

  /** The total size of the manifests in bytes (UTF-8). */
  public long bytes() {
    return files.values().stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
  }

  /** The cluster as a snapshot, parsed in memory (problems go to {@code diagnostics}). */
  public ClusterSnapshot snapshot(Diagnostics diagnostics) {
    List<KubeObject> objects = new ArrayList<>();
    files.forEach((path, text) -> objects.addAll(KubeLoader.parse(text, path, diagnostics)));
    return ClusterSnapshot.of(objects, diagnostics);
  }

  /**
   * Writes every file under {@code dir}, each atomically: written to a temporary file beside it,
   * then moved over the target, so a reader never sees a half-written manifest.
   */
  public void writeTo(Path dir) throws IOException {
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path target = dir.resolve(e.getKey());
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try {
        Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
        try {
          Files.move(
              tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException ex) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
