package dev.noodle.common.trial;

import java.util.List;
import java.util.Map;

/**
 * What a tool run in a container ran in, for provenance.
 *
 * @param image image reference the study names
 * @param imageId image id the container was created from
 * @param repoDigest the image's repository digest, or null when it has none (a locally built
 *     or imported image)
 * @param containerName name the container had (it is removed once the step ends)
 * @param user user id and group the tool ran as
 * @param workDir the tool's working directory inside the container
 * @param mounts each mount as {@code host:container:ro|rw}
 * @param environment environment variables set for the tool
 * @param cpus CPU limit in cores
 * @param memoryMb memory limit in MiB
 * @param network the container's network mode ({@code none})
 */
public record ContainerRecord(String image, String imageId, String repoDigest,
    String containerName, String user, String workDir, List<String> mounts,
    Map<String, String> environment, double cpus, long memoryMb, String network) {

  public ContainerRecord {
    mounts = List.copyOf(mounts);
    environment = Map.copyOf(environment);
  }
}
