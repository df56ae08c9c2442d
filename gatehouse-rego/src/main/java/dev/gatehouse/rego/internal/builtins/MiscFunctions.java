package dev.gatehouse.rego.internal.builtins;

import dev.gatehouse.rego.BooleanValue;
import dev.gatehouse.rego.NumberValue;
import dev.gatehouse.rego.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Number rounding, units, time, and the glob and network groups. */
final class MiscFunctions {
  private static final Pattern QUANTITY =
      Pattern.compile("([+-]?[0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)(.*)");
  private static final Map<String, BigDecimal> BYTE_UNITS =
      Map.ofEntries(
          Map.entry("", BigDecimal.ONE),
          Map.entry("b", BigDecimal.ONE),
          Map.entry("k", pow(1000, 1)),
          Map.entry("kb", pow(1000, 1)),
          Map.entry("ki", pow(1024, 1)),
          Map.entry("kib", pow(1024, 1)),
          Map.entry("m", pow(1000, 2)),
          Map.entry("mb", pow(1000, 2)),
          Map.entry("mi", pow(1024, 2)),
          Map.entry("mib", pow(1024, 2)),
          Map.entry("g", pow(1000, 3)),
          Map.entry("gb", pow(1000, 3)),
          Map.entry("gi", pow(1024, 3)),
          Map.entry("gib", pow(1024, 3)),
          Map.entry("t", pow(1000, 4)),
          Map.entry("tb", pow(1000, 4)),
          Map.entry("ti", pow(1024, 4)),
          Map.entry("tib", pow(1024, 4)),
          Map.entry("p", pow(1000, 5)),
          Map.entry("pb", pow(1000, 5)),
          Map.entry("pi", pow(1024, 5)),
          Map.entry("pib", pow(1024, 5)),
          Map.entry("e", pow(1000, 6)),
          Map.entry("eb", pow(1000, 6)),
          Map.entry("ei", pow(1024, 6)),
          Map.entry("eib", pow(1024, 6)));
  private static final Map<String, BigDecimal> SI_UNITS =
      Map.ofEntries(
          Map.entry("", BigDecimal.ONE),
          Map.entry("m", new BigDecimal("0.001")),
          Map.entry("k", pow(1000, 1)),
          Map.entry("K", pow(1000, 1)),
          Map.entry("Ki", pow(1024, 1)),
          Map.entry("ki", pow(1024, 1)),
          Map.entry("M", pow(1000, 2)),
          Map.entry("Mi", pow(1024, 2)),
          Map.entry("mi", pow(1024, 2)),
          Map.entry("G", pow(1000, 3)),
          Map.entry("g", pow(1000, 3)),
          Map.entry("Gi", pow(1024, 3)),
          Map.entry("gi", pow(1024, 3)),
          Map.entry("T", pow(1000, 4)),
          Map.entry("t", pow(1000, 4)),
          Map.entry("Ti", pow(1024, 4)),
          Map.entry("ti", pow(1024, 4)),
          Map.entry("P", pow(1000, 5)),
          Map.entry("p", pow(1000, 5)),
          Map.entry("Pi", pow(1024, 5)),
          Map.entry("pi", pow(1024, 5)),
          Map.entry("E", pow(1000, 6)),
          Map.entry("e", pow(1000, 6)),
          Map.entry("Ei", pow(1024, 6)),
          Map.entry("ei", pow(1024, 6)));

  private MiscFunctions() {}

  private static BigDecimal pow(int base, int n) {
    return BigDecimal.valueOf(base).pow(n);
  }

  static void register(Registry r) {
    r.add("abs", 1, (a, c) -> NumberValue.of(Args.number("abs", a, 0).abs()));
    r.add("round", 1, (a, c) -> rounded("round", a, RoundingMode.HALF_UP));
    r.add("ceil", 1, (a, c) -> rounded("ceil", a, RoundingMode.CEILING));
    r.add("floor", 1, (a, c) -> rounded("floor", a, RoundingMode.FLOOR));
    r.add("units.parse_bytes", 1, (a, c) -> parseBytes(Args.string("units.parse_bytes", a, 0)));
    r.add("units.parse", 1, (a, c) -> parseUnits(Args.string("units.parse", a, 0)));
    r.add("time.now_ns", 0, (a, c) -> NumberValue.of(c.nowNanos()));
    r.add(
        "trace",
        1,
        (a, c) -> {
          Args.string("trace", a, 0);
          return BooleanValue.TRUE;
        });
    GlobAndNet.register(r);
  }

  private static Value rounded(String fn, Value[] a, RoundingMode mode) {
    return NumberValue.of(Args.number(fn, a, 0).setScale(0, mode));
  }

  private static Value parseBytes(String s) {
    String t = s.replace("\"", "");
    if (t.contains(" ")) {
      throw BuiltinException.failed("units.parse_bytes", "spaces not allowed in resource strings");
    }
    Matcher m = QUANTITY.matcher(t);
    if (!m.matches()) {
      throw BuiltinException.failed("units.parse_bytes", "no byte amount provided");
    }
    BigDecimal unit = BYTE_UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
    if (unit == null) {
      throw BuiltinException.failed(
          "units.parse_bytes", "byte unit " + m.group(2) + " not recognized");
    }
    BigDecimal n = new BigDecimal(m.group(1)).multiply(unit);
    return NumberValue.of(n.setScale(0, RoundingMode.DOWN));
  }

  private static Value parseUnits(String s) {
    String t = s.replace("\"", "");
    if (t.contains(" ")) {
      throw BuiltinException.failed("units.parse", "spaces not allowed in resource strings");
    }
    Matcher m = QUANTITY.matcher(t);
    if (!m.matches()) {
      throw BuiltinException.failed("units.parse", "no amount provided");
    }
    BigDecimal unit = SI_UNITS.get(m.group(2));
    if (unit == null) {
      throw BuiltinException.failed("units.parse", "unit " + m.group(2) + " not recognized");
    }
    return NumberValue.of(new BigDecimal(m.group(1)).multiply(unit));
  }
}
