package dev.gatehouse.admission;

import dev.gatehouse.admission.cel.CelDriver;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.KubeObject;
import java.util.List;

/** Builds policies and requests from YAML text for tests. */
public final class Fixtures {
  private Fixtures() {}

  /** A template of kind {@code kind} whose single CEL validation is {@code expression}. */
  public static String celTemplate(String kind, String expression) {
    return """
        apiVersion: templates.gatekeeper.sh/v1
        kind: ConstraintTemplate
        metadata: {name: %s}
        spec:
          crd:
            spec:
              names: {kind: %s}
              validation:
                openAPIV3Schema:
                  type: object
                  properties:
                    labels: {type: array, items: {type: string}}
                    max: {type: integer}
          targets:
          - target: admission.k8s.gatekeeper.sh
            code:
            - engine: K8sNativeValidation
              source:
                validations:
                - expression: '%s'
                  messageExpression: '"violation of " + params.metadata.name'
        """
        .formatted(kind.toLowerCase(java.util.Locale.ROOT), kind, expression);
  }

  /** Loads YAML text. */
  public static List<KubeObject> objects(String yaml, Diagnostics d) {
    return KubeLoader.parse(yaml, "test.yaml", d);
  }

  /** Loads and validates policies, failing on any error. */
  public static PolicySet policies(String yaml) {
    Diagnostics d = new Diagnostics();
    PolicySet set = PolicyLoader.load(objects(yaml, d), d);
    if (d.hasErrors()) {
      throw new AssertionError(d.all());
    }
    return set;
  }

  /** A CEL-only snapshot of {@code yaml}, for the webhook enforcement point. */
  public static PolicySnapshot snapshot(String yaml) {
    Diagnostics d = new Diagnostics();
    PolicySnapshot s =
        AdmissionEngine.builder().driver(CelDriver.create()).build().compile(policies(yaml), d);
    if (d.hasErrors()) {
      throw new AssertionError(d.all());
    }
    return s;
  }

  /** The single object in {@code yaml} as a plain request. */
  public static AdmissionRequest request(String yaml) {
    Diagnostics d = new Diagnostics();
    KubeObject obj = objects(yaml, d).get(0);
    return AdmissionRequest.isReview(obj)
        ? AdmissionRequest.ofReview(obj, d).orElseThrow(() -> new AssertionError(d.all()))
        : AdmissionRequest.ofObject(obj);
  }
}
