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

  @Override
  public Integer call() {
    StudyInput.Checked checked = StudyInput.load(studyFile, spec.commandLine().getErr());
    if (checked.study() == null) {
      return checked.exitCode();
    }
    spec.commandLine().getOut().print(checked.legality().text());
    spec.commandLine().getOut().flush();
    return checked.legality().legal() ? 0 : Noodle.ILLEGAL;
  }
}
