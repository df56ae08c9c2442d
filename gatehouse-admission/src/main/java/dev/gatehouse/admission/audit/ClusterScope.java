package dev.gatehouse.admission.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.KubeObject;
import java.util.Set;

/**
 * Places objects read from files where a cluster would have them: an object of a namespaced kind
 * without {@code metadata.namespace} lives in {@code default} (as {@code kubectl apply} puts it).
 * Kinds are namespaced unless known to be cluster-scoped (the built-in cluster-scoped kinds, and
 * any kind whose name starts with {@code Cluster}).
 */
final class ClusterScope {
  private static final Set<String> CLUSTER_KINDS =
      Set.of(
          "Namespace",
          "Node",
          "PersistentVolume",
          "StorageClass",
          "CustomResourceDefinition",
          "MutatingWebhookConfiguration",
          "ValidatingWebhookConfiguration",
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding",
          "MutatingAdmissionPolicy",
          "MutatingAdmissionPolicyBinding",
          "PriorityClass",
          "IngressClass",
          "RuntimeClass",
          "CSIDriver",
          "CSINode",
          "VolumeAttachment",
          "APIService",
          "CertificateSigningRequest",
          "PodSecurityPolicy",
          "ComponentStatus",
          "FlowSchema",
          "PriorityLevelConfiguration",
          "AdminNetworkPolicy",
          "BaselineAdminNetworkPolicy",
          "ConstraintTemplate");

  private ClusterScope() {}

  /** Whether objects of {@code kind} are cluster-scoped. */
  static boolean isClusterScoped(String kind) {
    return CLUSTER_KINDS.contains(kind) || kind.startsWith("Cluster");
  }

  /** {@code obj}, in namespace {@code default} if it is namespaced and has none. */
  static KubeObject placed(KubeObject obj) {
    if (!obj.namespace().isEmpty() || isClusterScoped(obj.kind())) {
      return obj;
    }
    ObjectNode body = obj.body().deepCopy();
    body.withObject("/metadata").put("namespace", "default");
    return new KubeObject(body, obj.location(), obj.lines());
  }
}
