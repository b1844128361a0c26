package dev.noodle.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Study files and designs for tests that run the real tools. */
public final class TestStudies {
  public static final String OSU018 = "/usr/share/qflow/tech/osu018/osu018_stdcells.lib";

  private TestStudies() {}

  /** Copies the small gate-level test design into {@code dir}: chain.v and chain.sdc. */
  public static void copyChainDesign(Path dir) {
    for (String name : new String[] {"chain.v", "chain.sdc"}) {
      try (InputStream in = TestStudies.class.getResourceAsStream("/designs/chain/" + name)) {
        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Writes a study file into {@code dir} and returns its path. */
  public static Path write(Path dir, String name, String yaml) {
    try {
      Path file = dir.resolve(name);
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The design section for the chain design copied into the study's folder. */
  public static String chainDesign() {
    return "design:\n"
        + "  top: chain\n"
        + "  liberty: " + OSU018 + "\n"
        + "  sdc: chain.sdc\n"
        + "  netlist: chain.v\n";
  }

  public static JsonNode json(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository's folder (tests run from a module folder). */
  public static Path repoRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("studies")) ? here : here.getParent();
  }
}
