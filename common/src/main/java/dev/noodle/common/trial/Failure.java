package dev.noodle.common.trial;

/**
 * A classified trial failure.
 *
 * @param type what kind of failure
 * @param severity how bad it is for the study
 * @param reason one sentence, e.g. {@code sta was killed by signal 11 (SIGSEGV)}
 * @param excerpt the log lines that show it, at most a few dozen
 * @param countsAgainstEco false when the machine rather than the ECO failed
 */
public record Failure(FailureType type, FailureType.Severity severity, String reason,
    String excerpt, boolean countsAgainstEco) {

  public static Failure of(FailureType type, String reason, String excerpt) {
    return new Failure(type, type.severity(), reason, excerpt, type.countsAgainstEco());
  }
}
