package dev.noodle.common.study;

import java.nio.file.Path;

/** The checks every runner of a study passes, whether from the file or a command-line override. */
final class RunnerRules {
  private static final double MAX_CPUS = 1024;
  private static final long MIN_MEMORY_MB = 16;
  private static final long MAX_MEMORY_MB = 16L * 1024 * 1024;

  private RunnerRules() {}

  /**
   * Throws a fix-naming exception when {@code r} cannot run.
   *
   * @param prefix the section's key path with a final dot, or empty for the study's top level
   */
  static void check(Path file, int line, SafetyDomain domain, Runner r, String prefix) {
    if (!r.docker()) {
      return;
    }
    if (r.image() == null || r.image().isBlank()) {
      throw new StudyException(file, line, prefix + "container.image",
          "runner 'docker' needs a tool image and none is given",
          "add 'container: { image: noodle-tools:<tag> }' (deploy/images/build.sh prints the "
              + "tag), or pass --image");
    }
    if (r.image().chars().anyMatch(Character::isWhitespace)) {
      throw new StudyException(file, line, prefix + "container.image",
          "'" + r.image() + "' is not an image reference", "write e.g. noodle-tools:2d561aa6ed11");
    }
    if (domain == SafetyDomain.LOCKED && !Runner.pinned(r.image())) {
      throw new StudyException(file, line, prefix + "container.image",
          "the locked safety domain runs only images pinned by digest, got '" + r.image() + "'",
          "write the image as name@sha256:<digest> or sha256:<image id> (docker image inspect "
              + "--format '{{.Id}}' " + r.image() + ")");
    }
    if (!(r.cpus() > 0 && r.cpus() <= MAX_CPUS)) {
      throw new StudyException(file, line, prefix + "container.cpus",
          "must be more than 0 and at most " + (int) MAX_CPUS + ", got " + r.cpus(),
          "give the cores one container may use, e.g. 1 or 0.5");
    }
    if (r.memoryMb() < MIN_MEMORY_MB || r.memoryMb() > MAX_MEMORY_MB) {
      throw new StudyException(file, line, prefix + "container.memory_mb",
          "must be between " + MIN_MEMORY_MB + " and " + MAX_MEMORY_MB + ", got " + r.memoryMb(),
          "give the memory one container may use in MiB, e.g. 2048");
    }
  }
}
