/** JMH benchmarks of loading Kubernetes manifests (gatehouse-kube). */
@NullMarked
package dev.gatehouse.bench.kube;

import org.jspecify.annotations.NullMarked;
