package dev.gatehouse.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One document of a file as a Jackson tree, the line where it starts, and the lines of the children
 * of each of its objects and arrays (see {@link LineIndex}).
 */
record ParsedDocument(JsonNode root, int line, Map<JsonNode, int[]> childLines) {
  LineIndex lines() {
    return new LineIndex(root, childLines, "");
  }
}
