package dev.noodle.worker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Docker engine of this machine, as {@code DOCKER_HOST} (default: the local socket) names
 * it. One client serves the whole JVM; it is thread-safe.
 *
 * <p>Every call that needs the daemon throws {@link DockerUnavailableException} when it does not
 * answer, so callers tell the machine's failure from the trial's.
 */
public final class DockerEngine {
  private static final Logger LOG = LoggerFactory.getLogger(DockerEngine.class);
  private static volatile DockerEngine shared;

  private final DockerClient client;
  private final String host;

  private DockerEngine(DockerClientConfig config) {
    DockerHttpClient http = new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .maxConnections(32)
        .connectionTimeout(Duration.ofSeconds(5))
        .responseTimeout(Duration.ofMinutes(2))
        .build();
    this.client = DockerClientImpl.getInstance(config, http);
    this.host = config.getDockerHost().toString();
  }

  /** The engine this JVM's trials use. */
  public static DockerEngine shared() {
    DockerEngine e = shared;
    if (e == null) {
      synchronized (DockerEngine.class) {
        e = shared;
        if (e == null) {
          e = new DockerEngine(DefaultDockerClientConfig.createDefaultConfigBuilder().build());
          shared = e;
        }
      }
    }
    return e;
  }

  /** An engine at {@code dockerHost} (e.g. {@code unix:///var/run/docker.sock}). */
  public static DockerEngine at(String dockerHost) {
    return new DockerEngine(DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost(dockerHost).build());
  }

  DockerClient client() {
    return client;
  }

  /** Where the engine is reached. */
  public String host() {
    return host;
  }

  /** True when the daemon answers a ping; never throws. */
  public boolean usable() {
    try {
      client.pingCmd().exec();
      return true;
    } catch (RuntimeException e) {
      LOG.debug("Docker engine does not answer [host={}, error={}]", host, e.toString());
      return false;
    }
  }

  /**
   * The images the engine holds: each tag and repo digest it knows, and each image id, mapped
   * to the image id. Empty when the daemon does not answer.
   */
  public Map<String, String> images() {
    Map<String, String> out = new TreeMap<>();
    try {
      for (Image image : client.listImagesCmd().exec()) {
        out.put(image.getId(), image.getId());
        for (String[] refs : new String[][] {image.getRepoTags(), image.getRepoDigests()}) {
          for (String ref : refs == null ? new String[0] : refs) {
            if (!ref.startsWith("<none>")) {
              out.put(ref, image.getId());
            }
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("Docker images could not be listed [host={}, error={}]", host, e.toString());
    }
    return out;
  }

  /**
   * Names of the Noodle trial containers the engine still has, running or not. A worker removes
   * each container when its step ends, so this is empty unless a worker was killed mid-trial.
   */
  public List<String> trialContainers() throws DockerUnavailableException {
    try {
      List<String> names = new ArrayList<>();
      for (Container c : client.listContainersCmd().withShowAll(true)
          .withLabelFilter(List.of(DockerTrialRunner.LABEL)).exec()) {
        names.addAll(List.of(c.getNames()));
      }
      return names;
    } catch (RuntimeException e) {
      throw DockerUnavailableException.of(host, e);
    }
  }

  /** An image's id and repo digests, as the engine knows it. */
  public record ImageFacts(String id, List<String> repoDigests) {
    /** The first repo digest, or null for an image never pushed to or pulled from a registry. */
    public String repoDigest() {
      return repoDigests.isEmpty() ? null : repoDigests.get(0);
    }
  }

  /** What the engine knows of {@code reference}, or empty when it does not hold that image. */
  public Optional<ImageFacts> inspect(String reference) throws DockerUnavailableException {
    try {
      InspectImageResponse r = client.inspectImageCmd(reference).exec();
      List<String> digests = r.getRepoDigests() == null ? List.of()
          : new ArrayList<>(r.getRepoDigests());
      return Optional.of(new ImageFacts(r.getId(), List.copyOf(digests)));
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw DockerUnavailableException.of(host, e);
    }
  }
}
