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
 * @param echoes the first echo lines of an error already counted ({@code Error: floorplan.tcl,
 *     111 DPL-0012}, a bare {@code GRT-0116}); they are not counted as errors
 * @param echoCount all such echo lines
 * @param tests {@code TEST: <command>} lines of a regression harness log
 * @param lastTest the command of the last {@code TEST:} line, or null
 * @param testAtCrash the command of the last {@code TEST:} line before the crash, or null
 * @param route the global router's final congestion table, wirelength and routed nets, or null
 * @param verilogInstances N from ORFS's {@code number instances in verilog is N}, or null; 0
 *     explains a floorplan that finds no rows
 */
public record ToolLog(boolean partial, List<String> problems, int errors, int warnings,
    int infos, Map<String, Integer> byId, List<LogMessage> firstErrors, LogMessage ending,
    Crash crash, Integer exitStatus, Long peakMemoryKb, String elapsed, List<LogMessage> echoes,
    int echoCount, int tests, String lastTest, String testAtCrash, RouteSummary route,
    Long verilogInstances) implements ParsedReport {
  /** The report kind key. */
  public static final String KIND = "log";

  public ToolLog {
    problems = List.copyOf(problems);
    byId = Reports.frozen(byId);
    firstErrors = List.copyOf(firstErrors);
    echoes = List.copyOf(echoes);
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
      if (crash.lastFrame() != null) {
        out.put("log_stack_last_frame", crash.lastFrame());
      }
      out.put("log_ends_in_stack_trace", crash.endsInStack());
    }
    out.put("log_echo_lines", echoCount);
    if (tests > 0) {
      out.put("log_test_lines", tests);
    }
    if (verilogInstances != null) {
      out.put("log_verilog_instances", verilogInstances);
    }
    if (route != null) {
      routeMetrics(out);
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

  private void routeMetrics(Map<String, Object> out) {
    RouteLayer total = route.total();
    if (total != null) {
      out.put("log_grt_total_resource", total.resource());
      out.put("log_grt_total_demand", total.demand());
      out.put("log_grt_usage_percent", total.usagePercent());
      out.put("log_grt_max_h_congestion", total.maxH());
      out.put("log_grt_max_v_congestion", total.maxV());
      out.put("log_grt_total_congestion", total.congestion());
    }
    if (route.wirelengthUm() != null) {
      out.put("log_grt_wirelength_um", route.wirelengthUm());
    }
    if (route.routedNets() != null) {
      out.put("log_grt_routed_nets", route.routedNets());
    }
  }
}
