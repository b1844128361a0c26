package dev.noodle.common.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a study file and the design files it names into a test folder. The design files are
 * placeholders: loading only checks that they exist.
 */
public final class StudyFiles {
  /** A valid study that names only the required keys. */
  public static final String MINIMAL = """
      name: s1
      design:
        top: top
        liberty: lib/cells.lib
        sdc: top.sdc
        netlist: top.v
      stages:
        - trial_budget: 4
          survivors: 2
          ecos:
            - eco: upsize_critical
      """;

  /** Body of {@code eco/swap.tcl}, the Tcl file custom ECOs in tests point at. */
  public static final String CUSTOM_TCL = "puts \"noodle_eco swap ratio=$noodle_param(ratio)\"\n";

  private StudyFiles() {}

  /** Writes {@code yaml} as {@code dir/study.yaml} beside the placeholder design files. */
  public static Path write(Path dir, String yaml) {
    try {
      Files.createDirectories(dir.resolve("lib"));
      Files.createDirectories(dir.resolve("rtl"));
      Files.createDirectories(dir.resolve("eco"));
      Files.writeString(dir.resolve("lib/cells.lib"), "library (cells) {}\n");
      Files.writeString(dir.resolve("top.sdc"), "create_clock -period 10 clk\n");
      Files.writeString(dir.resolve("top.v"), "module top(); endmodule\n");
      Files.writeString(dir.resolve("rtl/a.v"), "module a(); endmodule\n");
      Files.writeString(dir.resolve("rtl/top.v"), "module top(); a u(); endmodule\n");
      Files.writeString(dir.resolve("eco/swap.tcl"), CUSTOM_TCL);
      Path file = dir.resolve("study.yaml");
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes and loads {@code yaml}. */
  public static Study load(Path dir, String yaml) {
    return StudyLoader.load(write(dir, yaml));
  }
}
