package dev.noodle.worker;

import java.io.IOException;

/**
 * The Docker daemon did not answer or refused a request that does not depend on the trial: a
 * failure of the machine, never of the ECO.
 */
public final class DockerUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  public DockerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  static DockerUnavailableException of(String host, RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return new DockerUnavailableException("the Docker engine at " + host + " failed: " + why, e);
  }
}
