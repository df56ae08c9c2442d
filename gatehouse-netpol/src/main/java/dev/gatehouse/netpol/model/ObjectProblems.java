package dev.gatehouse.netpol.model;

import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;

/**
 * Collects the problems of one policy object, each located at the field it concerns: errors make
 * the object invalid (it is skipped), warnings say which part of it is ignored.
 */
final class ObjectProblems {
  private final KubeObject object;
  private final Diagnostics diagnostics;
  private boolean failed;

  ObjectProblems(KubeObject object, Diagnostics diagnostics) {
    this.object = object;
    this.diagnostics = diagnostics;
  }

  KubeObject object() {
    return object;
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }

  /** Reports an error at the field {@code pointer}; the object will be skipped. */
  void error(String pointer, String message) {
    diagnostics.error(
        "invalid-field", object.locate(pointer), object.displayName() + ": " + message);
    failed = true;
  }

  /** Reports that the field at {@code pointer} is ignored; the object is still used. */
  void warning(String pointer, String message) {
    diagnostics.warning(
        "ignored-field", object.locate(pointer), object.displayName() + ": " + message);
  }

  /** Marks the object invalid for a problem already reported (e.g. by the selector parser). */
  void fail() {
    failed = true;
  }

  boolean failed() {
    return failed;
  }

  /** Reports the summary error for an invalid object. */
  void reportSkipped() {
    diagnostics.error(
        "invalid-policy", object.location(), object.displayName() + " is invalid; skipped");
  }
}
