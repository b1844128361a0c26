package dev.noodle.coordinator.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.apache.ignite.cluster.ClusterNode;
import org.junit.jupiter.api.Test;

/** Placement and pinning from the Docker attributes workers advertise. */
class DockerImagesTest {
  private static final String ID = "sha256:" + "1".repeat(64);
  private static final String OTHER = "sha256:" + "2".repeat(64);

  @Test
  void attributeRoundTripsEveryReference() {
    ClusterNode n = node(true, Map.of("noodle-tools:abc", ID, ID, ID));

    assertEquals(Map.of("noodle-tools:abc", ID, ID, ID), DockerImages.held(n));
  }

  @Test
  void aTrialInAContainerGoesOnlyToANodeWithDockerAndItsImage() {
    assertTrue(DockerImages.canRun(node(true, Map.of("t:1", ID, ID, ID)), ID));
    assertFalse(DockerImages.canRun(node(true, Map.of("t:1", OTHER, OTHER, OTHER)), ID));
    assertFalse(DockerImages.canRun(node(false, Map.of("t:1", ID, ID, ID)), ID));
  }

  @Test
  void aTagIsPinnedToTheIdTheWorkersHold() {
    List<ClusterNode> workers = List.of(node(false, Map.of()),
        node(true, Map.of("t:1", ID, ID, ID)));

    assertEquals(ID, DockerImages.pin("t:1", workers));
    assertEquals(ID, DockerImages.pin(ID, workers));
  }

  @Test
  void pinningFailsWithTheFixWhenNoWorkerHoldsTheImageOrWorkersDisagree() {
    IllegalStateException none = assertThrows(IllegalStateException.class,
        () -> DockerImages.pin("t:1", List.of(node(false, Map.of()))));
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> DockerImages.pin("t:2", List.of(node(true, Map.of("t:1", ID)))));
    IllegalStateException split = assertThrows(IllegalStateException.class,
        () -> DockerImages.pin("t:1", List.of(node(true, Map.of("t:1", ID)),
            node(true, Map.of("t:1", OTHER)))));

    assertTrue(none.getMessage().contains("--runner local"), none.getMessage());
    assertTrue(missing.getMessage().contains("deploy/images/build.sh"), missing.getMessage());
    assertTrue(split.getMessage().contains("pin one by its id"), split.getMessage());
  }

  private static ClusterNode node(boolean docker, Map<String, String> images) {
    Map<String, String> attributes = Map.of(NodeRole.DOCKER, Boolean.toString(docker),
        NodeRole.DOCKER_IMAGES, DockerImages.attribute(images));
    return (ClusterNode) Proxy.newProxyInstance(ClusterNode.class.getClassLoader(),
        new Class<?>[] {ClusterNode.class}, (proxy, method, args) -> {
          if (method.getName().equals("attribute")) {
            return attributes.get((String) args[0]);
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
