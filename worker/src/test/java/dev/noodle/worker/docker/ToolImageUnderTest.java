package dev.noodle.worker.docker;

import static org.junit.jupiter.api.Assertions.fail;

import dev.noodle.worker.DockerEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Docker engine and tool image integration tests run against. In CI ({@code CI=true}) a
 * missing engine or image fails the test; elsewhere the test is skipped with the reason.
 *
 * <p>The image is {@code NOODLE_TOOL_IMAGE} when set, else the tag deploy/images/build.sh gives
 * the current recipe.
 */
public final class ToolImageUnderTest {
  private ToolImageUnderTest() {}

  /** The engine, once it has answered. */
  public static DockerEngine engine() {
    DockerEngine engine = DockerEngine.shared();
    if (!engine.usable()) {
      unavailable("no Docker engine answers at " + engine.host()
          + "; start one with deploy/images/start-docker.sh");
    }
    return engine;
  }

  /** The tool image reference, once the engine holds it. */
  public static String image() {
    DockerEngine engine = engine();
    String image = System.getenv("NOODLE_TOOL_IMAGE");
    if (image == null || image.isBlank()) {
      image = "noodle-tools:" + recipeHash();
    }
    try {
      if (engine.inspect(image).isEmpty()) {
        unavailable("the Docker engine has no image " + image
            + "; build it with deploy/images/build.sh");
      }
    } catch (IOException e) {
      unavailable(e.getMessage());
    }
    return image;
  }

  private static String recipeHash() {
    Path script = projectRoot().resolve("deploy/images/recipe-hash.sh");
    try {
      Process p = new ProcessBuilder(script.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        fail(script + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The project's top folder, found from the module the test runs in. */
  public static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("deploy/images"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("deploy/images not found above "
          + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  private static void unavailable(String reason) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true and Docker is required: " + reason);
    }
    // A class skipped in @BeforeAll shows as zero tests run; the reason must still be seen.
    System.err.println("Docker integration test skipped: " + reason);
    Assumptions.abort("Docker integration test skipped: " + reason);
  }
}
