package dev.noodle.common.study;

import java.util.List;

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
 */
public record Snapshot(String dir, String top, String netlist, String sdc, String liberty,
    List<String> rtl, String sha256) {
  public Snapshot {
    rtl = List.copyOf(rtl);
  }
}
