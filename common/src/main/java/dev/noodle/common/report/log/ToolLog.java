package dev.noodle.common.report.log;

import dev.noodle.common.report.ParsedReport;
import dev.noodle.common.report.internal.Reports;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tool log (OpenROAD, OpenSTA, Yosys, ORFS stage logs) says about how the run went.
 *
 * @param errors error messages, not counting echoes of an error already seen (OpenROAD repeats
 *     the id of an uncaught error as {@code Error: file, line ID} or a bare {@code ID} line)
 * @param byId message counts per id, all severities
 * @param firstErrors the first errors (at most {@link ToolLogParser#MAX_KEPT})
 * @param ending the message that ended the run: the crash, or the first error of the errors
 *     the log ends with; null when the log does not end with either, or was not read to its end
 * @param crash the first crash, or null
 * @param exitStatus N from {@code Command exited with non-zero status N}, or null
 * @param peakMemoryKb from the ORFS {@code Elapsed time: ... Peak memory: NKB.} line, or null
 * @param elapsed the elapsed time text from that line, or null
 */
public record ToolLog(boolean partial, List<String> problems, int errors, int warnings,
    int infos, Map<String, Integer> byId, List<LogMessage> firstErrors, LogMessage ending,
    Crash crash, Integer exitStatus, Long peakMemoryKb, String elapsed)
    implements ParsedReport {
  /** The report kind key. */
  public static final String KIND = "log";

  public ToolLog {
    problems = List.copyOf(problems);
    byId = Reports.frozen(byId);
    firstErrors = List.copyOf(firstErrors);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Map<String, Object> metrics() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("log_errors", errors);
    out.put("log_warnings", warnings);
    out.put("log_infos", infos);
    out.put("log_crashed", crash != null);
    if (crash != null) {
      if (crash.signal() != null) {
        out.put("log_crash_signal", crash.signal());
      }
      out.put("log_crash_line", crash.line());
      out.put("log_stack_frames", crash.frameCount());
    }
    if (ending != null) {
      out.put("log_ending_line", ending.line());
      if (ending.id() != null) {
        out.put("log_ending_id", ending.id());
      }
      out.put("log_ending_text", ending.text());
    }
    if (exitStatus != null) {
      out.put("log_exit_status", exitStatus);
    }
    if (peakMemoryKb != null) {
      out.put("log_peak_memory_kb", peakMemoryKb);
    }
    return Reports.frozen(out);
  }
}
