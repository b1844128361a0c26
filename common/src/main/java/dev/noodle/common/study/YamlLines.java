package dev.noodle.common.study;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a field path such as {@code stages[1].ecos[0].parameters} in YAML text, and
 * keeps the syntax error when the text is not YAML at all.
 */
final class YamlLines {
  private final Node root;
  private final MarkedYAMLException syntaxError;
  private final boolean empty;

  YamlLines(String text) {
    Node parsed = null;
    MarkedYAMLException syntax = null;
    boolean composed = false;
    try {
      parsed = new Yaml(new LoaderOptions()).compose(new StringReader(text));
      composed = true;
    } catch (MarkedYAMLException e) {
      syntax = e;
    } catch (RuntimeException e) {
      parsed = null;
    }
    this.root = parsed;
    this.syntaxError = syntax;
    this.empty = composed && parsed == null;
  }

  /** The YAML syntax error of the text, or null when it parses. */
  MarkedYAMLException syntaxError() {
    return syntaxError;
  }

  /** True when the text parses but holds no document (blank, or comments only). */
  boolean isEmpty() {
    return empty;
  }

  /**
   * One-based line of the deepest node found along {@code path}; 0 when nothing matches. A field
   * of a mapping is located by its key, so a block value points at the line that names it.
   */
  int lineOf(String path) {
    return find(path, false);
  }

  /** Like {@link #lineOf}, but 0 unless the whole path exists. */
  int exactLineOf(String path) {
    return find(path, true);
  }

  /**
   * What the file holds at {@code path}, for messages: {@code 'text'} for a scalar, {@code a list}
   * or {@code a mapping}; null when the path does not exist.
   */
  String describe(String path) {
    Node node = root;
    for (String part : parts(path)) {
      node = node == null ? null : child(node, part);
    }
    if (node instanceof ScalarNode scalar) {
      return "'" + scalar.getValue() + "'";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return node instanceof MappingNode ? "a mapping" : null;
  }

  private int find(String path, boolean exact) {
    if (root == null) {
      return 0;
    }
    Node node = root;
    int line = root.getStartMark().getLine() + 1;
    boolean stepped = false;
    for (String part : parts(path)) {
      Node next = child(node, part);
      if (next == null) {
        return exact ? 0 : stepped ? line : 0;
      }
      line = lineOfStep(node, part, next);
      node = next;
      stepped = true;
    }
    return line;
  }

  private static String[] parts(String path) {
    return path.replace("[", ".[").split("\\.");
  }

  private static Node child(Node node, String part) {
    if (part.isEmpty()) {
      return node;
    }
    if (part.startsWith("[") && node instanceof SequenceNode seq) {
      int index = Integer.parseInt(part.substring(1, part.length() - 1));
      return index < seq.getValue().size() ? seq.getValue().get(index) : null;
    }
    NodeTuple tuple = tuple(node, part);
    return tuple == null ? null : tuple.getValueNode();
  }

  private static int lineOfStep(Node parent, String part, Node next) {
    NodeTuple tuple = part.isEmpty() ? null : tuple(parent, part);
    Node at = tuple == null ? next : tuple.getKeyNode();
    return at.getStartMark().getLine() + 1;
  }

  private static NodeTuple tuple(Node node, String part) {
    if (node instanceof MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(part)) {
          return tuple;
        }
      }
    }
    return null;
  }
}
