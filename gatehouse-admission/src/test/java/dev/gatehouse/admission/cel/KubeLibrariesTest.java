package dev.gatehouse.admission.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.runtime.CelEvaluationException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every Kubernetes CEL library function: each expression must evaluate to {@code true}. */
class KubeLibrariesTest {
  private static final CelEnvironment ENV = new CelEnvironment(CelLimits.DEFAULT);

  static Object eval(String expression) throws Exception {
    return ENV.program(ENV.compile(expression)).eval(Map.of());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // regex
        "'abc 123 def 456'.find('[0-9]+') == '123'",
        "'abc'.find('[0-9]+') == ''",
        "'abc 123 def 456'.findAll('[0-9]+') == ['123', '456']",
        "'a1b2c3'.findAll('[0-9]', 2) == ['1', '2']",
        "'a1b2c3'.findAll('[0-9]', -1) == ['1', '2', '3']",
        "'a1b2c3'.findAll('[0-9]', 0) == []",
        // lists
        "[1, 2, 2, 3].isSorted()",
        "!([3, 1].isSorted())",
        "['a', 'b'].isSorted()",
        "[1, 2, 3].sum() == 6",
        "[1.5, 2.5].sum() == 4.0",
        "[].sum() == 0",
        "[3, 1, 2].min() == 1",
        "[3, 1, 2].max() == 3",
        "['b', 'a'].min() == 'a'",
        "[1, 2, 3, 2].indexOf(2) == 1",
        "[1, 2, 3, 2].lastIndexOf(2) == 3",
        "[1, 2].indexOf(9) == -1",
        "'hello'.indexOf('l') == 2",
        // quantity
        "quantity('1') == quantity('1000m')",
        "quantity('1Ki').asInteger() == 1024",
        "quantity('1.5Gi').isGreaterThan(quantity('1G'))",
        "quantity('500m').isLessThan(quantity('1'))",
        "quantity('2').compareTo(quantity('1')) == 1",
        "quantity('100m').asApproximateFloat() == 0.1",
        "!quantity('100m').isInteger()",
        "quantity('1e3').asInteger() == 1000",
        "quantity('-5').sign() == -1",
        "quantity('1').add(quantity('500m')) == quantity('1.5')",
        "quantity('1').add(2) == quantity('3')",
        "quantity('1').sub(quantity('500m')) == quantity('500m')",
        "quantity('5').sub(1).asInteger() == 4",
        "isQuantity('10Mi') && !isQuantity('10MB') && !isQuantity('abc')",
        "[quantity('2'), quantity('1')].min() == quantity('1')",
        // url
        "url('https://user@example.com:8443/a%20b?x=1&x=2&y=z').getScheme() == 'https'",
        "url('https://example.com:8443/path').getHost() == 'example.com:8443'",
        "url('https://example.com:8443/path').getHostname() == 'example.com'",
        "url('https://[::1]:80/').getHost() == '[::1]:80'",
        "url('https://[::1]:80/').getHostname() == '::1'",
        "url('https://example.com:8443/path').getPort() == '8443'",
        "url('https://example.com/path').getPort() == ''",
        "url('https://example.com/a%20b').getEscapedPath() == '/a%20b'",
        "url('https://example.com/?x=1&x=2&y=z').getQuery() == {'x': ['1', '2'], 'y': ['z']}",
        "url('/absolute/path').getEscapedPath() == '/absolute/path'",
        "isURL('https://example.com') && !isURL('relative/path') && !isURL('')",
        // ip
        "ip('10.0.0.1').family() == 4",
        "ip('fe80::1').family() == 6",
        "string(ip('2001:db8:0:0:0:0:0:1')) == '2001:db8::1'",
        "string(ip('10.0.0.1')) == '10.0.0.1'",
        "ip('127.0.0.1').isLoopback() && ip('::1').isLoopback()",
        "ip('0.0.0.0').isUnspecified() && ip('::').isUnspecified()",
        "ip('169.254.1.1').isLinkLocalUnicast() && ip('fe80::1').isLinkLocalUnicast()",
        "ip('224.0.0.1').isLinkLocalMulticast() && ip('ff02::1').isLinkLocalMulticast()",
        "ip('8.8.8.8').isGlobalUnicast() && !ip('255.255.255.255').isGlobalUnicast()",
        "isIP('1.2.3.4') && !isIP('01.2.3.4') && !isIP('::ffff:1.2.3.4') && !isIP('fe80::1%eth0')",
        "!isIP('example.com') && !isIP('1.2.3')",
        "ip('10.0.0.1') == ip('10.0.0.1')",
        // cidr
        "cidr('10.0.0.0/8').containsIP(ip('10.1.2.3'))",
        "cidr('10.0.0.0/8').containsIP('10.1.2.3') && !cidr('10.0.0.0/8').containsIP('11.0.0.1')",
        "cidr('10.0.0.0/8').containsCIDR(cidr('10.1.0.0/16'))",
        "!cidr('10.1.0.0/16').containsCIDR('10.0.0.0/8')",
        "cidr('192.168.1.5/24').masked() == cidr('192.168.1.0/24')",
        "string(cidr('192.168.1.5/24').masked()) == '192.168.1.0/24'",
        "cidr('192.168.1.5/24').ip() == ip('192.168.1.5')",
        "cidr('2001:db8::/32').prefixLength() == 32",
        "cidr('2001:db8::/32').containsIP('2001:db8::1')",
        "isCIDR('10.0.0.0/8') && !isCIDR('10.0.0.0/33') && !isCIDR('10.0.0.0')",
        // sets and strings extensions
        "sets.contains([1, 2, 3], [1, 3])",
        "sets.equivalent([1, 2], [2, 1])",
        "sets.intersects(['a'], ['a', 'b'])",
        "['a', 'b'].join(', ') == 'a, b'",
        "'A-b'.lowerAscii() == 'a-b'",
        "'a,b'.split(',') == ['a', 'b']",
        "'  x '.trim() == 'x'"
      })
  void expression_evaluatesToTrue(String expression) throws Exception {
    assertThat(eval(expression)).as(expression).isEqualTo(true);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[].min()",
        "[].max()",
        "quantity('abc')",
        "quantity('1.5').asInteger()",
        "url('not a url')",
        "ip('1.2.3.256')",
        "cidr('10.0.0.0')",
        "'a'.find('[')",
        "[1, 'a'].isSorted()"
      })
  void expression_invalidInput_isEvaluationError(String expression) {
    assertThatThrownBy(() -> eval(expression)).isInstanceOf(CelEvaluationException.class);
  }
}
