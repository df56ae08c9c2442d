package dev.gatehouse.rego;

import dev.gatehouse.rego.internal.json.GoQuote;

/** A Rego string. */
public record StringValue(String value) implements Value {
  @Override
  public int typeRank() {
    return 3;
  }

  @Override
  public String typeName() {
    return "string";
  }

  @Override
  public Object toJava() {
    return value;
  }

  @Override
  public int compareTo(Value o) {
    return o instanceof StringValue s ? value.compareTo(s.value) : Integer.compare(3, o.typeRank());
  }

  /** The string quoted as Go's {@code strconv.Quote} does (OPA's term text form). */
  @Override
  public String toString() {
    return GoQuote.quote(value);
  }
}
