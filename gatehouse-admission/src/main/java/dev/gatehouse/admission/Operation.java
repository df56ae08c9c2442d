package dev.gatehouse.admission;

/**
 * An AdmissionRequest's {@code operation}. {@link #NONE} is the empty operation of objects reviewed
 * outside a webhook (gator, audit): templates see no {@code request.operation}.
 */
public enum Operation {
  /** No operation (a plain object under review). */
  NONE,
  /** {@code CREATE}. */
  CREATE,
  /** {@code UPDATE}. */
  UPDATE,
  /** {@code DELETE}: the object under review is {@code oldObject}. */
  DELETE,
  /** {@code CONNECT}. */
  CONNECT
}
