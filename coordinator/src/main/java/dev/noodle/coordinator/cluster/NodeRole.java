package dev.noodle.coordinator.cluster;

/** Node attributes every Noodle node advertises to the cluster. */
public final class NodeRole {
  /** Attribute: comma-separated roles, e.g. {@code coordinator,worker}. */
  public static final String ROLES = "noodle.roles";
  /** Attribute: how many trials the node runs at once. */
  public static final String SLOTS = "noodle.slots";
  /** Attribute: folder under which the node makes trial work directories. */
  public static final String WORK_ROOT = "noodle.work_root";
  /** Attribute: comma-separated tools found on the node's PATH. */
  public static final String TOOLS = "noodle.tools";
  /** Attribute: {@code true} when the node's Docker engine answered when the node started. */
  public static final String DOCKER = "noodle.docker";
  /**
   * Attribute: the images that engine holds, comma-separated {@code reference=imageId} entries
   * (see {@link DockerImages}).
   */
  public static final String DOCKER_IMAGES = "noodle.docker.images";
  /** Attribute: comma-separated free labels. */
  public static final String LABELS = "noodle.labels";

  private NodeRole() {}
}
