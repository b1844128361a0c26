package dev.noodle.common.study;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The base design as frozen for a study: read-only files in one folder, and a hash over their
 * contents that every result's provenance carries.
 *
 * @param dir the snapshot folder
 * @param top top module
 * @param netlist gate-level netlist (absolute path)
 * @param sdc constraints (absolute path)
 * @param liberty Liberty library (absolute path of the snapshot's copy)
 * @param rtl RTL sources (absolute paths of the snapshot's copies), possibly empty
 * @param sha256 SHA-256 of the manifest that lists every file with its own hash
 * @param files every file of the snapshot by path relative to {@code dir}, with its SHA-256
 */
public record Snapshot(String dir, String top, String netlist, String sdc, String liberty,
    List<String> rtl, String sha256, Map<String, String> files) {
  public Snapshot {
    rtl = List.copyOf(rtl);
    files = Collections.unmodifiableMap(new TreeMap<>(files));
  }

  /** The same snapshot with every path moved from {@link #dir()} to {@code newDir}. */
  public Snapshot at(String newDir) {
    return new Snapshot(newDir, top, move(netlist, newDir), move(sdc, newDir),
        move(liberty, newDir), rtl.stream().map(p -> move(p, newDir)).toList(), sha256, files);
  }

  private String move(String path, String newDir) {
    if (!path.startsWith(dir + "/")) {
      throw new IllegalArgumentException(path + " is not inside the snapshot " + dir);
    }
    return newDir + path.substring(dir.length());
  }
}
