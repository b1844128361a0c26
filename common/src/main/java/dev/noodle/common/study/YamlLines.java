package dev.noodle.common.study;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Finds the line of a field path such as {@code stages[1].ecos[0].parameters} in YAML text. */
final class YamlLines {
  private final Node root;

  YamlLines(String text) {
    Node parsed;
    try {
      parsed = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    } catch (RuntimeException e) {
      parsed = null;
    }
    this.root = parsed;
  }

  /** One-based line of the deepest node found along {@code path}; 0 when nothing matches. */
  int lineOf(String path) {
    if (root == null) {
      return 0;
    }
    Node node = root;
    int line = 0;
    for (String part : path.replace("[", ".[").split("\\.")) {
      if (part.isEmpty()) {
        continue;
      }
      Node next = step(node, part);
      if (next == null) {
        break;
      }
      node = next;
      line = node.getStartMark().getLine() + 1;
    }
    return line;
  }

  private static Node step(Node node, String part) {
    if (part.startsWith("[") && node instanceof SequenceNode seq) {
      int index = Integer.parseInt(part.substring(1, part.length() - 1));
      return index < seq.getValue().size() ? seq.getValue().get(index) : null;
    }
    if (node instanceof MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(part)) {
          return tuple.getValueNode();
        }
      }
    }
    return null;
  }
}
