package dev.noodle.worker;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Finds which of the tools Noodle drives this machine has on its PATH. */
public final class WorkerTools {
  /** The tools a worker looks for and advertises. */
  public static final List<String> KNOWN = List.of("sta", "yosys", "openroad", "docker");

  private WorkerTools() {}

  public static Set<String> detect() {
    Set<String> found = new TreeSet<>();
    String path = System.getenv().getOrDefault("PATH", "");
    for (String tool : KNOWN) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
          found.add(tool);
          break;
        }
      }
    }
    return found;
  }
}
