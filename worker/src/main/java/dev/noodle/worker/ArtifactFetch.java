package dev.noodle.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.ignite.lang.IgniteCallable;

/**
 * Runs on the worker that ran a trial and returns the files of its work directory, so
 * artifacts can be fetched from any machine of the cluster without a shared filesystem.
 */
public final class ArtifactFetch implements IgniteCallable<Map<String, byte[]>> {
  private static final long serialVersionUID = 1L;
  /** The most bytes one fetch returns; larger trial folders must be copied by other means. */
  public static final long MAX_BYTES = 256L * 1024 * 1024;

  private final String workDir;

  public ArtifactFetch(String workDir) {
    this.workDir = workDir;
  }

  @Override
  public Map<String, byte[]> call() {
    Path dir = Path.of(workDir);
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("the trial folder " + dir + " is no longer on this node");
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    long total = 0;
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> paths = walk.filter(Files::isRegularFile).sorted().toList();
      for (Path p : paths) {
        total += Files.size(p);
        if (total > MAX_BYTES) {
          throw new IllegalStateException("the trial folder " + dir + " holds more than "
              + MAX_BYTES / (1024 * 1024) + " MB; copy it from the worker directly");
        }
        files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
