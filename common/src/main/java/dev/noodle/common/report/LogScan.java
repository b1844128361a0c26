package dev.noodle.common.report;

import java.util.List;

/**
 * What a tool log says about how the run went.
 *
 * @param errors error lines in order (at most {@link LogScanner#MAX_KEPT})
 * @param errorCount all error lines seen, including those not kept
 * @param warningCount warning lines seen
 * @param crash the first line that shows a crash, or null
 * @param tail the last lines of the log, for excerpts
 * @param truncated true when the log was longer than the scanner reads
 */
public record LogScan(List<String> errors, int errorCount, int warningCount, String crash,
    List<String> tail, boolean truncated) {

  public LogScan {
    errors = List.copyOf(errors);
    tail = List.copyOf(tail);
  }

  public boolean hasErrors() {
    return errorCount > 0;
  }
}
