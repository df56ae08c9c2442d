package dev.gatehouse.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads Services, Ingresses and OpenShift Routes into their snapshot records. */
final class ServiceReader {
  private ServiceReader() {}

  static Optional<Service> service(KubeObject o, Diagnostics diagnostics) {
    if (o.name().isEmpty()) {
      diagnostics.error("no-name", o.location(), "Service without metadata.name; skipped");
      return Optional.empty();
    }
    JsonNode spec = o.body().path("spec");
    Map<String, String> selector = KubeObject.stringMap(spec.path("selector"));
    List<Service.ServicePort> ports = new ArrayList<>();
    for (JsonNode p : spec.path("ports")) {
      JsonNode target = p.path("targetPort");
      ports.add(
          new Service.ServicePort(
              p.path("name").asText(""),
              p.path("port").asInt(0),
              target.isMissingNode() || target.isNull() ? "" : target.asText(),
              p.path("protocol").asText("TCP")));
    }
    return Optional.of(
        new Service(
            o.namespaceOrDefault(),
            o.name(),
            selector.isEmpty() ? Optional.empty() : Optional.of(selector),
            List.copyOf(ports),
            o.location()));
  }

  static IngressRoutes ingress(KubeObject o) {
    JsonNode spec = o.body().path("spec");
    List<IngressRoutes.Backend> backends = new ArrayList<>();
    addIngressBackend(spec.path("defaultBackend"), backends);
    addIngressBackend(spec.path("backend"), backends);
    for (JsonNode rule : spec.path("rules")) {
      for (JsonNode path : rule.path("http").path("paths")) {
        addIngressBackend(path.path("backend"), backends);
      }
    }
    return new IngressRoutes(
        "Ingress", o.namespaceOrDefault(), o.name(), List.copyOf(backends), o.location());
  }

  private static void addIngressBackend(JsonNode backend, List<IngressRoutes.Backend> out) {
    if (backend.isMissingNode() || backend.isNull()) {
      return;
    }
    JsonNode svc = backend.path("service");
    if (svc.isObject()) {
      JsonNode port = svc.path("port");
      String p = port.has("number") ? port.path("number").asText() : port.path("name").asText("");
      out.add(new IngressRoutes.Backend(svc.path("name").asText(""), p));
    } else if (backend.has("serviceName")) {
      out.add(
          new IngressRoutes.Backend(
              backend.path("serviceName").asText(""), backend.path("servicePort").asText("")));
    }
  }

  static IngressRoutes route(KubeObject o) {
    JsonNode spec = o.body().path("spec");
    String port = spec.path("port").path("targetPort").asText("");
    List<IngressRoutes.Backend> backends = new ArrayList<>();
    List<JsonNode> targets = new ArrayList<>();
    targets.add(spec.path("to"));
    spec.path("alternateBackends").forEach(targets::add);
    for (JsonNode to : targets) {
      if (to.path("kind").asText("Service").equals("Service") && to.has("name")) {
        backends.add(new IngressRoutes.Backend(to.path("name").asText(), port));
      }
    }
    return new IngressRoutes(
        "Route", o.namespaceOrDefault(), o.name(), List.copyOf(backends), o.location());
  }
}
