package dev.noodle.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import dev.noodle.common.trial.TrialSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots travel through a real Ignite node: fetched, verified, cached, used in place. */
class SnapshotCacheTest {
  @TempDir
  static Path tmp;

  private static Ignite ignite;

  @BeforeAll
  static void start() {
    ignite = TestNodes.start("snapshot-cache-test", 48630, tmp.resolve("ignite"));
  }

  @AfterAll
  static void stop() {
    ignite.close();
  }

  private static String sha(String text) {
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString();
  }

  private static TrialSpec spec(String dir, String snapshotSha, Map<String, String> files) {
    return new TrialSpec("s", "c", null, -1, 0, List.of(), dir, snapshotSha, files, List.of(), 10,
        null, "netlist.v", false);
  }

  private Path origin(String name) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir.resolve("rtl"));
    Files.writeString(dir.resolve("netlist.v"), "module top; endmodule\n");
    Files.writeString(dir.resolve("rtl/a.v"), "module a; endmodule\n");
    return dir;
  }

  @Test
  void workerWithoutTheFolderFetchesVerifiesAndCachesIt() throws IOException {
    Path origin = origin("origin1");
    Map<String, String> files = Map.of("netlist.v", sha("module top; endmodule\n"),
        "rtl/a.v", sha("module a; endmodule\n"));
    SnapshotCache.publish(ignite, origin, files);
    Path work = tmp.resolve("worker1");

    Path local = new SnapshotCache(ignite, work).resolve(spec("/nowhere/on/this/node", "abc",
        files));

    assertEquals(work.resolve(".snapshots/abc"), local);
    assertEquals("module a; endmodule\n", Files.readString(local.resolve("rtl/a.v")));
    assertFalse(Files.getPosixFilePermissions(local.resolve("netlist.v"))
        .contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
    // A second trial of the same snapshot uses the cached copy.
    assertEquals(local, new SnapshotCache(ignite, work).resolve(spec("/nowhere", "abc", files)));
  }

  @Test
  void folderVisibleWithTheSameManifestHashIsUsedInPlace() throws IOException {
    Path origin = origin("origin2");
    Files.writeString(origin.resolve("manifest.json"), "{\"sha256\": \"same\"}");

    Path local = new SnapshotCache(ignite, tmp.resolve("worker2")).resolve(
        spec(origin.toString(), "same", Map.of()));

    assertEquals(origin, local);
  }

  @Test
  void corruptedBlobIsRefusedAndNothingIsPublished() {
    String claimed = sha("what the manifest says\n");
    ignite.<String, byte[]>cache(SnapshotCache.BLOBS).put(claimed,
        "something else\n".getBytes(StandardCharsets.UTF_8));
    Path work = tmp.resolve("worker3");

    IOException e = assertThrows(IOException.class, () -> new SnapshotCache(ignite, work)
        .resolve(spec("/nowhere", "bad", Map.of("netlist.v", claimed))));

    assertTrue(e.getMessage().contains("expected " + claimed), e.getMessage());
    assertFalse(Files.exists(work.resolve(".snapshots/bad")));
  }
}
