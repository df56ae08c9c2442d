package dev.gatehouse.admission.cel;

import static dev.gatehouse.admission.cel.Decls.fn;
import static dev.gatehouse.admission.cel.Decls.member;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kubernetes' regex library ({@code k8s.io/apiserver/pkg/cel/library/regex.go}): {@code s.find(re)}
 * returns the first match or "", {@code s.findAll(re)} every match and {@code s.findAll(re, n)} at
 * most {@code n} (all when negative). RE2 semantics through re2j.
 */
final class RegexLibrary implements KubeLibrary {
  private static final int CACHE_LIMIT = 512;
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  @Override
  public List<CelFunctionDecl> declarations() {
    return List.of(
        fn(
            "find",
            member("string_find_string", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING)),
        fn(
            "findAll",
            member(
                "string_find_all_string",
                ListType.create(SimpleType.STRING),
                SimpleType.STRING,
                SimpleType.STRING),
            member(
                "string_find_all_string_int",
                ListType.create(SimpleType.STRING),
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.INT)));
  }

  @Override
  public List<CelFunctionBinding> bindings() {
    return List.of(
        CelFunctionBinding.from(
            "string_find_string", String.class, String.class, RegexLibrary::find),
        CelFunctionBinding.from(
            "string_find_all_string", String.class, String.class, (s, re) -> findAll(s, re, -1L)),
        CelFunctionBinding.from(
            "string_find_all_string_int",
            List.of(String.class, String.class, Long.class),
            args -> findAll((String) args[0], (String) args[1], (Long) args[2])));
  }

  static String find(String s, String re) throws CelEvaluationException {
    Matcher m = pattern(re).matcher(s);
    return m.find() ? m.group() : "";
  }

  static List<String> findAll(String s, String re, long n) throws CelEvaluationException {
    List<String> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    Matcher m = pattern(re).matcher(s);
    while (m.find() && (n < 0 || out.size() < n)) {
      out.add(m.group());
    }
    return out;
  }

  static Pattern pattern(String re) throws CelEvaluationException {
    Pattern p = CACHE.get(re);
    if (p != null) {
      return p;
    }
    try {
      p = Pattern.compile(re);
    } catch (PatternSyntaxException e) {
      throw Decls.error("invalid regular expression " + re + ": " + e.getDescription());
    }
    if (CACHE.size() >= CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(re, p);
    return p;
  }
}
