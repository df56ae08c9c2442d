package dev.gatehouse.rego.internal.eval;

import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.Value;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Resolves {@code data} references while {@code with data.x as v} overlays are active: an overlay
 * at or above the reference replaces the document; overlays below it are written into the
 * materialised document.
 */
final class DataView {
  private DataView() {}

  /** The document to walk and the path depth it stands for; its value is null when undefined. */
  record Resolved(@Nullable Value value, int depth) {}

  static @Nullable Resolved resolve(Evaluator ev, Operand[] path, Frame f) {
    List<String> prefix = groundPrefix(path, f);
    List<List<String>> overlays = ev.overlayPaths();
    int best = -1;
    for (int i = 0; i < overlays.size(); i++) {
      List<String> o = overlays.get(i);
      if (o.size() <= prefix.size()
          && o.equals(prefix.subList(0, o.size()))
          && (best < 0 || o.size() >= overlays.get(best).size())) {
        best = i;
      }
    }
    if (best >= 0) {
      return new Resolved(ev.overlayValue(best), overlays.get(best).size());
    }
    boolean below = false;
    for (List<String> o : overlays) {
      below |= o.size() > prefix.size() && o.subList(0, prefix.size()).equals(prefix);
    }
    if (!below) {
      return null;
    }
    Value doc = document(ev, prefix);
    for (int i = 0; i < overlays.size(); i++) {
      List<String> o = overlays.get(i);
      if (o.size() > prefix.size() && o.subList(0, prefix.size()).equals(prefix)) {
        doc = Collections2.setPath(doc, o.subList(prefix.size(), o.size()), 0, ev.overlayValue(i));
      }
    }
    return new Resolved(doc, prefix.size());
  }

  private static List<String> groundPrefix(Operand[] path, Frame f) {
    List<String> out = new ArrayList<>();
    for (Operand seg : path) {
      Value v =
          switch (seg) {
            case Operand.Const c -> c.value();
            case Operand.Local l -> f.slots[l.slot()];
            default -> null;
          };
      if (!(v instanceof StringValue s)) {
        break;
      }
      out.add(s.value());
    }
    return out;
  }

  private static @Nullable Value document(Evaluator ev, List<String> prefix) {
    DataNode node = ev.root();
    Value base = ev.baseData();
    for (String seg : prefix) {
      if (node != null && node.rules() != null) {
        Value v = ev.ruleValue(node.rules());
        node = null;
        base = v;
      }
      node = node == null ? null : node.get(seg);
      base = base == null ? null : Collections2.lookup(base, new StringValue(seg));
    }
    if (node == null) {
      return base;
    }
    Value v = ev.materialize(node, base);
    return v == Evaluator.UNDEFINED ? null : v;
  }
}
