package dev.gatehouse.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** One document of a file as a Jackson tree, with the line of each field and of the document. */
record ParsedDocument(JsonNode root, int line, Map<String, Integer> lineByPointer) {}
