package dev.gatehouse.admission.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ArmExpressionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Function<String, Optional<JsonNode>> params(String json) throws Exception {
    Map<String, JsonNode> m =
        JSON.convertValue(
            JSON.readTree(json),
            JSON.getTypeFactory().constructMapType(Map.class, String.class, JsonNode.class));
    return n -> Optional.ofNullable(m.get(n));
  }

  private static JsonNode eval(String text, String params) throws Exception {
    return ArmExpression.evaluateString(text, params(params));
  }

  @Test
  void evaluateString_parameters_returnsTheValueWithItsType() throws Exception {
    assertThat(eval("[parameters('effect')]", "{\"effect\": \"Deny\"}").asText()).isEqualTo("Deny");
    assertThat(eval("[parameters('ns')]", "{\"ns\": [\"a\", \"b\"]}").toString())
        .isEqualTo("[\"a\",\"b\"]");
    assertThat(eval("[parameters('warn')]", "{\"warn\": false}").isBoolean()).isTrue();
  }

  @Test
  void evaluateString_propertyAndIndex_followTheValue() throws Exception {
    String p = "{\"ranges\": {\"ranges\": [{\"min\": 1}, {\"min\": 2}]}}";
    assertThat(eval("[parameters('ranges').ranges]", p).size()).isEqualTo(2);
    assertThat(eval("[parameters('ranges').ranges[1].min]", p).asInt()).isEqualTo(2);
    assertThat(eval("[parameters('ranges')['ranges'][0]['min']]", p).asInt()).isEqualTo(1);
    assertThat(eval("[parameters('ranges').RANGES]", p).isArray())
        .as("ARM property names ignore case")
        .isTrue();
  }

  @Test
  void evaluateString_ifEquals_choosesTheBranch() throws Exception {
    String expr = "[if(equals(parameters('effect'), 'Disabled'), 'Disabled', 'DeployIfNotExists')]";
    assertThat(eval(expr, "{\"effect\": \"Disabled\"}").asText()).isEqualTo("Disabled");
    assertThat(eval(expr, "{\"effect\": \"Audit\"}").asText()).isEqualTo("DeployIfNotExists");
    assertThat(eval(expr, "{\"effect\": \"disabled\"}").asText())
        .as("equals compares strings exactly")
        .isEqualTo("DeployIfNotExists");
    assertThat(eval("[equals(1, parameters('n'))]", "{\"n\": 1.0}").asBoolean()).isTrue();
  }

  @Test
  void evaluateString_literals_stayOrLoseTheirEscape() throws Exception {
    assertThat(eval("plain", "{}").asText()).isEqualTo("plain");
    assertThat(eval("[[not an expression]", "{}").asText()).isEqualTo("[not an expression]");
    assertThat(eval("['it''s']", "{}").asText()).isEqualTo("it's");
    assertThat(eval("[ parameters ( 'a' ) ]", "{\"a\": 3}").asInt()).isEqualTo(3);
  }

  @Test
  void evaluate_unknownFunction_isReportedNotGuessed() {
    assertThatThrownBy(() -> eval("[concat('a', 'b')]", "{}"))
        .isInstanceOf(ArmExpressionException.class)
        .hasMessageContaining("unsupported template function 'concat'");
  }

  @Test
  void evaluate_unknownParameterOrProperty_fails() {
    assertThatThrownBy(() -> eval("[parameters('nope')]", "{}"))
        .hasMessageContaining("parameter 'nope' is not defined");
    assertThatThrownBy(() -> eval("[parameters('p').paths]", "{\"p\": {}}"))
        .hasMessageContaining("property 'paths' does not exist");
    assertThatThrownBy(() -> eval("[parameters('p').paths]", "{\"p\": \"x\"}"))
        .hasMessageContaining("cannot read property 'paths' of the string \"x\"");
    assertThatThrownBy(() -> eval("[parameters('p')[3]]", "{\"p\": [1]}"))
        .hasMessageContaining("index 3 is out of range");
  }

  @Test
  void parse_badSyntax_namesTheCharacter() {
    assertThatThrownBy(() -> ArmExpression.parse("parameters('a'"))
        .hasMessageContaining("expected ')'");
    assertThatThrownBy(() -> ArmExpression.parse("parameters('a)"))
        .hasMessageContaining("unterminated string");
    assertThatThrownBy(() -> ArmExpression.parse("parameters('a') x"))
        .hasMessageContaining("unexpected 'x' at character 17");
    assertThatThrownBy(() -> eval("[if(true, 'a')]", "{}")).hasMessageContaining("expected '('");
    assertThatThrownBy(() -> eval("[equals('a')]", "{}"))
        .hasMessageContaining("equals() takes 2 arguments, not 1");
  }

  @Test
  void isExpression_bracketsOnly() {
    assertThat(ArmExpression.isExpression("[x]")).isTrue();
    assertThat(ArmExpression.isExpression("[[x]")).isFalse();
    assertThat(ArmExpression.isExpression("x]")).isFalse();
    assertThat(ArmExpression.isExpression("[")).isFalse();
  }
}
