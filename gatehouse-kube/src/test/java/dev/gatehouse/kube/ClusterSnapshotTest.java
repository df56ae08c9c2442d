package dev.gatehouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Workloads, owners and namespaces in the cluster snapshot. */
class ClusterSnapshotTest {
  private static ClusterSnapshot snapshot(String yaml, Diagnostics d) {
    return ClusterSnapshot.of(KubeLoader.parse(yaml, "c.yaml", d), d);
  }

  @Test
  void workloadKinds_becomeWorkloads_withTemplateLabelsAndPorts() {
    Diagnostics d = new Diagnostics();
    ClusterSnapshot s =
        snapshot(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              replicas: 3
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: c, ports: [{containerPort: 80, name: http}]}]}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly}
            spec:
              jobTemplate:
                spec:
                  template:
                    metadata: {labels: {app: job}}
                    spec: {containers: [{name: c}]}
            """,
            d);
    assertThat(s.workloads())
        .extracting(Workload::key)
        .containsExactly("shop/web[Deployment]", "default/nightly[CronJob]");
    assertThat(s.workloads().getFirst().replicas()).isEqualTo(3);
    assertThat(s.workloads().getFirst().ports())
        .containsExactly(new ContainerPort("http", 80, "TCP"));
    assertThat(s.workloads().get(1).labels()).containsEntry("app", "job");
  }

  @Test
  void podWithControllerOwner_belongsToOwner_staticPodIsItsOwn() {
    Diagnostics d = new Diagnostics();
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
          namespace: ns
          labels: {app: x}
          ownerReferences: [{kind: %s, name: %s, controller: true}]
        spec: {containers: [{name: c}]}
        """;
    ClusterSnapshot s =
        snapshot(
            pod.formatted("rs-1", "ReplicaSet", "rs")
                + "---\n"
                + pod.formatted("rs-2", "ReplicaSet", "rs")
                + "---\n"
                + pod.formatted("etcd-node1", "Node", "node1"),
            d);
    assertThat(s.workloads())
        .extracting(Workload::key)
        .containsExactly("ns/rs[ReplicaSet]", "ns/etcd-node1[Pod]");
    assertThat(s.workloads().getFirst().replicas()).isEqualTo(2);
  }

  @Test
  void namespaces_getNameLabel_undefinedOnesAreCreated() {
    Diagnostics d = new Diagnostics();
    ClusterSnapshot s =
        snapshot(
            """
            apiVersion: v1
            kind: Namespace
            metadata: {name: a, labels: {team: x}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: b}
            spec: {containers: [{name: c}]}
            """,
            d);
    assertThat(s.namespaces().get("a").labels())
        .containsEntry("team", "x")
        .containsEntry(Namespace.NAME_LABEL, "a");
    assertThat(s.namespaces().get("b").defined()).isFalse();
    assertThat(s.namespaces().get("b").labels()).containsEntry(Namespace.NAME_LABEL, "b");
  }

  @Test
  void duplicateNamespace_isReported() {
    Diagnostics d = new Diagnostics();
    snapshot(
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n",
        d);
    assertThat(d.all())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("duplicate-namespace");
              assertThat(x.location().line()).isEqualTo(5);
            });
  }

  @Test
  void servicesAndIngresses_areRead() {
    Diagnostics d = new Diagnostics();
    ClusterSnapshot s =
        snapshot(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: in, namespace: shop}
            spec:
              rules:
              - http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
            """,
            d);
    assertThat(s.services())
        .singleElement()
        .satisfies(x -> assertThat(x.ports().getFirst().targetPort()).isEqualTo("http"));
    assertThat(s.ingresses())
        .singleElement()
        .satisfies(
            i -> assertThat(i.backends()).containsExactly(new IngressRoutes.Backend("web", "80")));
    assertThat(d.all()).isEmpty();
    assertThat(List.of()).isEmpty();
  }
}
