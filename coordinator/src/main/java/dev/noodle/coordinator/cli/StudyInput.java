package dev.noodle.coordinator.cli;

import dev.noodle.common.legality.LegalityChecker;
import dev.noodle.common.legality.LegalityReport;
import dev.noodle.common.study.Study;
import dev.noodle.common.study.StudyException;
import dev.noodle.common.study.StudyLoader;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Loads a study file and checks its legality, reporting problems the same way for every
 * command.
 */
final class StudyInput {
  /** A loaded study with its legality, or the exit code when it could not be loaded. */
  record Checked(Study study, LegalityReport legality, int exitCode) {}

  private StudyInput() {}

  static Checked load(Path file, PrintWriter err) {
    Study study;
    try {
      study = StudyLoader.load(file);
    } catch (StudyException e) {
      err.println("noodle: invalid study");
      err.println(e.getMessage());
      err.flush();
      return new Checked(null, null, Noodle.BAD_INPUT);
    }
    return new Checked(study, LegalityChecker.check(study), 0);
  }
}
