package dev.gatehouse.cli.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gatehouse.admission.AdmissionRequest;
import dev.gatehouse.admission.EnforcementAction;
import dev.gatehouse.admission.Operation;
import dev.gatehouse.admission.Result;
import dev.gatehouse.admission.ReviewResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes review results: {@code table} (Gatekeeper's words, one block per object with results),
 * {@code json} and {@code yaml} (every object reviewed, with its results and a summary).
 */
final class ReviewOutput {
  /** The output formats of {@code admission test}. */
  enum Format {
    table,
    json,
    yaml
  }

  private ReviewOutput() {}

  static void write(Format format, List<ReviewResult> reviews, int constraints, PrintWriter out) {
    switch (format) {
      case table -> table(reviews, constraints, out);
      case json -> out.println(json(document(reviews, constraints)));
      case yaml -> out.print(yaml(document(reviews, constraints)));
    }
    out.flush();
  }

  private static void table(List<ReviewResult> reviews, int constraints, PrintWriter out) {
    for (ReviewResult r : reviews) {
      if (r.results().isEmpty()) {
        continue;
      }
      out.println(header(r.request()) + ": " + (r.allowed() ? "allowed" : "denied"));
      r.results().forEach(x -> out.println("  " + x.render()));
    }
    out.println(summary(reviews, constraints));
  }

  static String summary(List<ReviewResult> reviews, int constraints) {
    long denied = reviews.stream().filter(r -> !r.allowed()).count();
    return reviews.size()
        + " object"
        + (reviews.size() == 1 ? "" : "s")
        + " reviewed against "
        + constraints
        + " constraint"
        + (constraints == 1 ? "" : "s")
        + ": "
        + denied
        + " denied, "
        + count(reviews, EnforcementAction.DENY)
        + " deny, "
        + count(reviews, EnforcementAction.WARN)
        + " warn, "
        + count(reviews, EnforcementAction.DRYRUN)
        + " dryrun";
  }

  private static long count(List<ReviewResult> reviews, EnforcementAction a) {
    return reviews.stream().mapToLong(r -> r.withAction(a).size()).sum();
  }

  private static String header(AdmissionRequest r) {
    String op = r.operation() == Operation.NONE ? "" : r.operation() + " ";
    return op + r.displayName() + " (" + r.source().location() + ")";
  }

  private static Map<String, Object> document(List<ReviewResult> reviews, int constraints) {
    List<Object> items = new ArrayList<>();
    for (ReviewResult r : reviews) {
      Map<String, Object> obj = new LinkedHashMap<>();
      obj.put("apiVersion", r.request().reviewed().path("apiVersion").asText(""));
      obj.put("kind", r.request().kind().kind());
      obj.put("namespace", r.request().namespace());
      obj.put("name", r.request().name());
      obj.put("source", r.request().source().location().toString());
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("object", obj);
      item.put(
          "operation",
          r.request().operation() == Operation.NONE ? "" : r.request().operation().name());
      item.put("allowed", r.allowed());
      List<Object> results = new ArrayList<>();
      for (Result x : r.results()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("constraint", x.constraint().name());
        m.put("constraintKind", x.constraint().kind());
        m.put("enforcementAction", x.action().wireName());
        m.put("message", x.message());
        m.put("gatekeeperMessage", x.gatekeeperMessage());
        results.add(m);
      }
      item.put("results", results);
      if (!r.errors().isEmpty()) {
        item.put("errors", r.errors());
      }
      items.add(item);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("objects", reviews.size());
    summary.put("constraints", constraints);
    summary.put("denied", reviews.stream().filter(r -> !r.allowed()).count());
    summary.put("deny", count(reviews, EnforcementAction.DENY));
    summary.put("warn", count(reviews, EnforcementAction.WARN));
    summary.put("dryrun", count(reviews, EnforcementAction.DRYRUN));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("reviews", items);
    doc.put("summary", summary);
    return doc;
  }

  static String json(Object doc) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON", e);
    }
  }

  static String yaml(Object doc) {
    return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build())
        .dumpToString(doc);
  }
}
