package dev.noodle.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Asks each tool for its version once per process and remembers the answer. */
public final class ToolVersions {
  static final String UNKNOWN = "unknown";
  private static final Map<List<String>, String> CACHE = new ConcurrentHashMap<>();

  private ToolVersions() {}

  /** The first line the tool prints for {@code versionArguments}, or {@code unknown}. */
  public static String of(String executable, List<String> versionArguments) {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.addAll(versionArguments);
    return CACHE.computeIfAbsent(command, ToolVersions::probe);
  }

  private static String probe(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      String text;
      try (InputStream in = p.getInputStream()) {
        text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return UNKNOWN;
      }
      return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
          .orElse(UNKNOWN);
    } catch (IOException e) {
      return UNKNOWN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return UNKNOWN;
    }
  }
}
