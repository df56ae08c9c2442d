package dev.gatehouse.admission.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.admission.AdmissionRequest;
import dev.gatehouse.admission.DriverReview;
import dev.gatehouse.admission.Operation;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request converted for CEL once and shared by every constraint: {@code object} (null on
 * DELETE), {@code oldObject}, {@code request} (the AdmissionRequest attributes without the objects,
 * as Kubernetes builds it) and {@code namespaceObject}.
 */
record CelInput(
    Object object, Object oldObject, Object request, Object namespaceObject, Object anyObject) {

  static CelInput of(DriverReview review) {
    AdmissionRequest r = review.request();
    Map<String, Object> request = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = r.json().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("object") && !e.getKey().equals("oldObject")) {
        request.put(e.getKey(), CelValues.of(e.getValue()));
      }
    }
    Object object = CelValues.ofNullable(r.object());
    Object oldObject = CelValues.ofNullable(r.oldObject());
    boolean delete = r.operation() == Operation.DELETE && r.object() == null;
    return new CelInput(
        object,
        oldObject,
        java.util.Collections.unmodifiableMap(request),
        CelValues.ofNullable(review.namespaceObject().orElse(null)),
        delete ? oldObject : object);
  }
}
