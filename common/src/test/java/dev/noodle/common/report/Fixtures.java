package dev.noodle.common.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared OpenROAD fixtures; tests that need them are skipped when they are absent. */
public final class Fixtures {
  private static final Path ROOT = Path.of("..", "..", "shared", "fixtures", "openroad");

  private Fixtures() {}

  /** The fixture file, or a skipped test when it is not there. */
  public static Path path(String relative) {
    Path file = ROOT.resolve(relative);
    assumeTrue(Files.isRegularFile(file), "fixture not present: " + file.toAbsolutePath());
    return file;
  }

  public static Reader open(String relative) throws IOException {
    return Files.newBufferedReader(path(relative), StandardCharsets.UTF_8);
  }

  public static String read(String relative) throws IOException {
    return Files.readString(path(relative), StandardCharsets.UTF_8);
  }
}
