package dev.noodle.common.trial;

import dev.noodle.common.report.LogScan;
import dev.noodle.common.report.TimingReading;
import java.util.List;
import java.util.Map;

/**
 * Turns how a tool run ended, and what its log says, into one classified failure. Deterministic:
 * the same run always gets the same type and reason.
 *
 * <p>A tool error in the log fails the trial even when the exit code is 0: OpenSTA carries on
 * after input it cannot read and then reports slack that means nothing.
 */
public final class FailureClassifier {
  private static final Map<Integer, String> SIGNALS = Map.of(
      4, "SIGILL", 6, "SIGABRT", 7, "SIGBUS", 8, "SIGFPE", 9, "SIGKILL", 11, "SIGSEGV",
      15, "SIGTERM");
  private static final int EXCERPT_LINES = 12;
  /**
   * How an ECO script says its parameters are illegal: the built-in blocks check their
   * {@code noodle_param} values again and stop with this error text.
   */
  static final String ILLEGAL_PARAMETER_MARK = "noodle_error eco: noodle_param(";

  private FailureClassifier() {}

  /** The failure of one tool run, or null when it ran cleanly. */
  public static Failure classify(StepRecord step, LogScan log, long timeoutSeconds) {
    String who = step.tool() + " (step " + step.name() + ")";
    if (step.timedOut()) {
      return Failure.of(FailureType.TIMEOUT, who + " ran past the " + timeoutSeconds
          + " s time limit; its process tree was killed", excerpt(log.tail()));
    }
    if (step.oomKilled()) {
      return Failure.of(FailureType.OOM, who + " was killed at its container's memory limit of "
          + (step.container() == null ? "?" : step.container().memoryMb()) + " MiB",
          excerpt(log.tail()));
    }
    if (step.signal() > 0) {
      return Failure.of(FailureType.TOOL_CRASH, who + " was killed by signal " + step.signal()
          + " (" + SIGNALS.getOrDefault(step.signal(), "signal " + step.signal()) + ")",
          excerpt(log.tail()));
    }
    if (log.crash() != null) {
      return Failure.of(FailureType.TOOL_CRASH, who + " crashed: " + log.crash(),
          excerpt(log.tail()));
    }
    if (log.hasErrors() && log.errors().get(0).contains(ILLEGAL_PARAMETER_MARK)) {
      return Failure.of(FailureType.ILLEGAL_PARAMETERS, who + " refused the ECO's parameters: "
          + log.errors().get(0), excerpt(log.errors()));
    }
    if (log.hasErrors()) {
      String more = log.errorCount() > 1 ? " (and " + (log.errorCount() - 1) + " more)" : "";
      return Failure.of(FailureType.TOOL_ERROR, who + " reported an error" + more
          + " with exit code " + step.exitCode() + ": " + log.errors().get(0),
          excerpt(log.errors()));
    }
    if (step.exitCode() == 127) {
      return Failure.of(FailureType.INFRASTRUCTURE, who + " could not be started (exit 127: "
          + "command not found)", excerpt(log.tail()));
    }
    if (step.exitCode() != 0) {
      return Failure.of(FailureType.TOOL_ERROR, who + " exited with code " + step.exitCode(),
          excerpt(log.tail()));
    }
    return null;
  }

  /** The failure of a timing report that is missing or cannot be read, or null when it reads. */
  public static Failure classify(TimingReading reading, LogScan log) {
    if (reading.metrics() != null) {
      return null;
    }
    FailureType type = reading.missing() ? FailureType.MISSING_OUTPUT : FailureType.PARSE_FAILURE;
    return Failure.of(type, reading.problem(), excerpt(log.tail()));
  }

  private static String excerpt(List<String> lines) {
    int from = Math.max(0, lines.size() - EXCERPT_LINES);
    return String.join("\n", lines.subList(from, lines.size()));
  }
}
