package dev.noodle.worker;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import com.fasterxml.jackson.databind.JsonNode;
import dev.noodle.common.json.Json;
import dev.noodle.common.trial.TrialSpec;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;

/**
 * Snapshots fetched through the cluster, content-addressed by SHA-256 and cached per worker.
 *
 * <p>When the snapshot folder named in the trial exists on this machine with the same manifest
 * hash (the same machine, or a shared filesystem), it is used in place. Otherwise every file is
 * fetched from the cluster's blob cache, its hash checked, and the folder published under
 * {@code <workRoot>/.snapshots/<sha256>/} in one rename, so a half-written copy is never used.
 */
public final class SnapshotCache implements SnapshotSource {
  public static final String BLOBS = "noodle-blobs";
  private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

  private final IgniteCache<String, byte[]> blobs;
  private final Path root;

  public SnapshotCache(Ignite ignite, Path workRoot) {
    this.blobs = ignite.cache(BLOBS);
    this.root = workRoot.resolve(".snapshots");
  }

  /** Uploads the files of a snapshot folder; files already in the cluster are not sent again. */
  public static void publish(Ignite ignite, Path dir, Map<String, String> files)
      throws IOException {
    IgniteCache<String, byte[]> blobs = ignite.cache(BLOBS);
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (!blobs.containsKey(f.getValue())) {
        blobs.putIfAbsent(f.getValue(), Files.readAllBytes(dir.resolve(f.getKey())));
      }
    }
  }

  @Override
  public Path resolve(TrialSpec spec) throws IOException {
    Path named = Path.of(spec.snapshotDir());
    if (sameSnapshot(named, spec.snapshotSha256())) {
      return named;
    }
    Path target = root.resolve(spec.snapshotSha256());
    if (Files.isDirectory(target)) {
      return target;
    }
    synchronized (LOCKS.computeIfAbsent(target.toString(), k -> new Object())) {
      if (!Files.isDirectory(target)) {
        fetch(spec, target);
      }
    }
    return target;
  }

  private void fetch(TrialSpec spec, Path target) throws IOException {
    Files.createDirectories(root);
    Path tmp = Files.createTempDirectory(root, "incoming-");
    try {
      for (Map.Entry<String, String> f : spec.snapshotFiles().entrySet()) {
        byte[] data = blobs.get(f.getValue());
        if (data == null) {
          throw new IOException("snapshot file " + f.getKey() + " (" + f.getValue()
              + ") is not in the cluster");
        }
        String actual = Hashing.sha256().hashBytes(data).toString();
        if (!actual.equals(f.getValue())) {
          throw new IOException("snapshot file " + f.getKey() + " arrived with hash " + actual
              + ", expected " + f.getValue());
        }
        Path out = tmp.resolve(f.getKey()).normalize();
        if (!out.startsWith(tmp)) {
          throw new IOException("snapshot file name " + f.getKey() + " leaves the snapshot");
        }
        Files.createDirectories(out.getParent());
        Files.write(out, data);
        out.toFile().setReadOnly();
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        if (!Files.isDirectory(target)) {
          throw e;
        }
      }
    } finally {
      if (Files.exists(tmp)) {
        MoreFiles.deleteRecursively(tmp, RecursiveDeleteOption.ALLOW_INSECURE);
      }
    }
  }

  private static boolean sameSnapshot(Path dir, String sha) {
    Path manifest = dir.resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      return false;
    }
    try {
      JsonNode node = Json.mapper().readTree(manifest.toFile());
      return sha.equals(node.path("sha256").asText());
    } catch (IOException e) {
      return false;
    }
  }
}
