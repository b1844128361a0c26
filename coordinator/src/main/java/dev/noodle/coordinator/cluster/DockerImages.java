package dev.noodle.coordinator.cluster;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.ignite.cluster.ClusterNode;

/**
 * What workers advertise about Docker, and how a study's image is pinned from it. A worker
 * reads its engine once, when it starts: an image built or loaded later is seen once the worker
 * restarts.
 */
public final class DockerImages {
  private DockerImages() {}

  /** The {@link NodeRole#DOCKER_IMAGES} value for an engine's images (reference to id). */
  public static String attribute(Map<String, String> images) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(images).entrySet()) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(e.getKey()).append('=').append(e.getValue());
    }
    return b.toString();
  }

  /** The images a node holds, reference to image id; empty for a node without Docker. */
  public static Map<String, String> held(ClusterNode node) {
    Map<String, String> out = new TreeMap<>();
    if (!usable(node)) {
      return out;
    }
    String value = node.attribute(NodeRole.DOCKER_IMAGES);
    if (value == null || value.isEmpty()) {
      return out;
    }
    for (String entry : value.split(",")) {
      int eq = entry.lastIndexOf('=');
      if (eq > 0) {
        out.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return out;
  }

  /** True when the node found a Docker engine that answered when it started. */
  public static boolean usable(ClusterNode node) {
    return "true".equals(node.attribute(NodeRole.DOCKER));
  }

  /** True when the node can run a container of the image with id {@code imageId}. */
  public static boolean canRun(ClusterNode node, String imageId) {
    return usable(node) && held(node).containsValue(imageId);
  }

  /**
   * The image id {@code image} stands for on the given workers.
   *
   * @throws IllegalStateException naming the fix when no worker holds it, or workers hold
   *     different images under that name
   */
  public static String pin(String image, Collection<ClusterNode> workers) {
    Set<String> ids = new TreeSet<>();
    int withDocker = 0;
    for (ClusterNode n : workers) {
      if (!usable(n)) {
        continue;
      }
      withDocker++;
      String id = image.startsWith("sha256:") && held(n).containsValue(image) ? image
          : held(n).get(image);
      if (id != null) {
        ids.add(id);
      }
    }
    if (ids.size() == 1) {
      return ids.iterator().next();
    }
    if (ids.isEmpty()) {
      throw new IllegalStateException(withDocker == 0
          ? "no worker has a usable Docker engine for image " + image + "; start dockerd on "
              + "the workers (deploy/images/start-docker.sh) and restart them, or run the study "
              + "with --runner local"
          : "none of the " + withDocker + " workers with Docker holds image " + image + "; "
              + "build it on them with deploy/images/build.sh (or 'docker load' it) and restart "
              + "them");
    }
    throw new IllegalStateException("workers hold different images named " + image + " ("
        + String.join(", ", ids) + "); pin one by its id in the study file "
        + "(container.image: sha256:...)");
  }
}
