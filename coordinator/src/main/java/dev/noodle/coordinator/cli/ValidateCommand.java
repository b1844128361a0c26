package dev.noodle.coordinator.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code noodle validate}: checks a study file and prints its Run Legality Report. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = Noodle.Version.class,
    description = "Check a study file and print its Run Legality Report; runs nothing.",
    footer = {"", "Examples:",
        "  noodle validate studies/quickstart/study.yaml",
        "  noodle validate my-study.yaml && noodle run my-study.yaml",
        "",
        "Exit codes: 0 legal, 2 the file is invalid, 3 the study is illegal."})
final class ValidateCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "STUDY.yaml", description = "The study file.")
  private Path studyFile;

  private static String locate(String tool) {
    if (tool.contains("/")) {
      return java.nio.file.Files.isExecutable(java.nio.file.Path.of(tool)) ? "found"
          : "NOT FOUND (a run on this machine would fail; workers elsewhere may have it)";
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      java.nio.file.Path p = java.nio.file.Path.of(dir.isEmpty() ? "." : dir, tool);
      if (java.nio.file.Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return "NOT FOUND on the PATH (a run on this machine would fail; workers elsewhere may "
        + "have it)";
  }

  @Override
  public Integer call() {
    StudyInput.Checked checked = StudyInput.load(studyFile, spec.commandLine().getErr());
    if (checked.study() == null) {
      return checked.exitCode();
    }
    java.io.PrintWriter out = spec.commandLine().getOut();
    out.print(checked.legality().text());
    // The tools may live on other machines (workers); here it is only a hint.
    out.println("  tools on this machine:");
    for (String tool : new String[] {checked.study().tools().sta(),
        checked.study().tools().yosys()}) {
      out.println("    " + tool + ": " + locate(tool));
    }
    out.flush();
    return checked.legality().legal() ? 0 : Noodle.ILLEGAL;
  }
}
