package dev.noodle.common.report.log;

import dev.noodle.common.report.internal.Reports;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the lines of a log read so far show. */
final class LogTally {
  private static final int MAX_TEXT = 500;
  private static final int MAX_IDS = 1000;
  private static final int MAX_FRAMES_KEPT = 10;

  private static final Pattern OPENROAD = Pattern.compile(
      "^\\s*\\[(ERROR|CRITICAL|WARNING|INFO)(?:\\s+([A-Za-z][A-Za-z0-9_]*-\\d+))?\\]\\s?(.*)$");
  private static final Pattern STA_ERROR = Pattern.compile("^\\s*Error(?:\\s+(\\d+))?:\\s*(.*)$");
  private static final Pattern YOSYS_ERROR = Pattern.compile("^ERROR:\\s*(.*)$");
  private static final Pattern WARNING = Pattern.compile("^\\s*Warning(?:\\s+(\\d+))?:\\s*(.*)$");
  /** OpenROAD's echo of an uncaught error: {@code floorplan.tcl, 111 DPL-0012}. */
  private static final Pattern ECHO_TEXT = Pattern.compile("^\\S+, \\d+ ([A-Za-z]+-\\d+)\\s*$");
  private static final Pattern BARE_ID = Pattern.compile("^\\s*([A-Za-z]+-\\d+)\\s*$");
  private static final Pattern SIGNAL = Pattern.compile("Signal (\\d{1,3}) received");
  private static final Pattern CRASH = Pattern.compile("Segmentation fault|core dumped"
      + "|terminate called after|^\\s*Aborted\\b|^\\s*Stack trace:\\s*$");
  private static final Pattern STACK = Pattern.compile("^\\s*Stack trace:\\s*$");
  private static final Pattern FRAME = Pattern.compile("^\\s*(\\d+)#\\s+(.*)$");
  private static final Pattern EXIT = Pattern.compile(
      "^\\s*Command exited with non-zero status (\\d{1,9})\\s*$");
  private static final Pattern ELAPSED = Pattern.compile(
      "^Elapsed time: (\\S+?)\\[h:\\]min:sec\\..*?(?:Peak memory: (\\d{1,15})KB\\.)?\\s*$");
  private static final Pattern TEST = Pattern.compile("^TEST: (.*?)\\s*$");
  /** ORFS floorplan.tcl prints this when the netlist is empty; the errors after follow it. */
  private static final Pattern VERILOG_INSTANCES = Pattern.compile(
      "^number instances in verilog is (\\d{1,15})\\s*$");
  private static final Pattern MAKE_ERROR = Pattern.compile("^make(?:\\[\\d+\\])?: \\*\\*\\*");

  final List<String> problems = new ArrayList<>();
  final Map<String, Integer> byId = new LinkedHashMap<>();
  final List<LogMessage> firstErrors = new ArrayList<>();
  private final Set<String> errorIds = new HashSet<>();
  int errors;
  int warnings;
  int infos;
  boolean partial;
  LogMessage candidate;
  Integer exitStatus;
  Long peakMemoryKb;
  String elapsed;
  private long crashLine;
  private Integer signal;
  private String crashText;
  private boolean inStack;
  private int frames;
  private final List<String> firstFrames = new ArrayList<>();
  private final List<String> crashMarkers = new ArrayList<>();
  private int lastFrame = -1;
  private boolean lastWasFrame;
  final RouteScan route = new RouteScan();
  final List<LogMessage> echoes = new ArrayList<>();
  int echoCount;
  int tests;
  String lastTest;
  String testAtCrash;
  Long verilogInstances;

  void add(String line, long number) {
    lastWasFrame = false;
    if (inStack) {
      Matcher frame = FRAME.matcher(line);
      if (frame.matches()) {
        frames++;
        lastWasFrame = true;
        lastFrame = frame.group(1).length() > 9 ? lastFrame : Integer.parseInt(frame.group(1));
        if (firstFrames.size() < MAX_FRAMES_KEPT) {
          firstFrames.add(Reports.clip(frame.group(2).strip(), MAX_TEXT));
        }
        return;
      }
      inStack = false;
    }
    Matcher m;
    if ((m = TEST.matcher(line)).matches()) {
      tests++;
      lastTest = clip(m.group(1));
    } else if ((m = VERILOG_INSTANCES.matcher(line)).matches()) {
      verilogInstances = Long.parseLong(m.group(1));
    }
    if (route.accept(line)) {
      candidate = null;
      return;
    }
    if (!message(line, number) && !trailer(line, number)) {
      // The run went on after this line, so an error before it did not end the run.
      candidate = null;
    }
  }

  /** Reads a tagged message; false when the line is not one. */
  private boolean message(String line, long number) {
    Matcher m;
    if ((m = OPENROAD.matcher(line)).matches()) {
      Severity severity = switch (m.group(1)) {
        case "ERROR", "CRITICAL" -> Severity.ERROR;
        case "WARNING" -> Severity.WARNING;
        default -> Severity.INFO;
      };
      record(new LogMessage(number, severity, m.group(2), clip(m.group(3))));
    } else if ((m = STA_ERROR.matcher(line)).matches()) {
      Matcher echo = ECHO_TEXT.matcher(m.group(2));
      if (echo.matches() && errorIds.contains(echo.group(1))) {
        echo(new LogMessage(number, Severity.ERROR, echo.group(1), clip(line.strip())));
      } else {
        record(new LogMessage(number, Severity.ERROR, m.group(1), clip(m.group(2))));
      }
    } else if ((m = YOSYS_ERROR.matcher(line)).matches()) {
      record(new LogMessage(number, Severity.ERROR, null, clip(m.group(1))));
    } else if ((m = WARNING.matcher(line)).matches()) {
      record(new LogMessage(number, Severity.WARNING, m.group(1), clip(m.group(2))));
    } else {
      return false;
    }
    return true;
  }

  private void record(LogMessage message) {
    switch (message.severity()) {
      case ERROR -> {
        errors++;
        if (firstErrors.size() < ToolLogParser.MAX_KEPT) {
          firstErrors.add(message);
        }
        if (message.id() != null && errorIds.size() < MAX_IDS) {
          errorIds.add(message.id());
        }
        if (candidate == null) {
          candidate = message;
        }
      }
      case WARNING -> {
        warnings++;
        candidate = null;
      }
      default -> {
        infos++;
        candidate = null;
      }
    }
    if (message.id() != null) {
      if (byId.containsKey(message.id()) || byId.size() < MAX_IDS) {
        byId.merge(message.id(), 1, Integer::sum);
      } else if (!partial) {
        partial = true;
        problems.add("More than " + MAX_IDS + " message ids; later ids are not counted by id");
      }
    }
  }

  /** Reads lines that may follow the message that ended a run; false for any other line. */
  private boolean trailer(String line, long number) {
    Matcher m;
    if (line.isBlank() || MAKE_ERROR.matcher(line).find()) {
      return true;
    }
    if ((m = BARE_ID.matcher(line)).matches()) {
      if (!errorIds.contains(m.group(1))) {
        return false;
      }
      echo(new LogMessage(number, Severity.ERROR, m.group(1), clip(line.strip())));
      return true;
    }
    if ((m = EXIT.matcher(line)).matches()) {
      exitStatus = Integer.parseInt(m.group(1));
      return true;
    }
    if ((m = ELAPSED.matcher(line)).matches()) {
      elapsed = m.group(1);
      if (m.group(2) != null) {
        peakMemoryKb = Long.parseLong(m.group(2));
      }
      return true;
    }
    return crash(line, number);
  }

  private void echo(LogMessage message) {
    echoCount++;
    if (echoes.size() < ToolLogParser.MAX_KEPT) {
      echoes.add(message);
    }
  }

  private boolean crash(String line, long number) {
    Matcher signalMatch = SIGNAL.matcher(line);
    boolean isSignal = signalMatch.find();
    if (!isSignal && !CRASH.matcher(line).find()) {
      return false;
    }
    if (crashText == null) {
      crashLine = number;
      crashText = clip(line.strip());
      testAtCrash = lastTest;
    }
    if (crashMarkers.size() < MAX_FRAMES_KEPT) {
      crashMarkers.add(clip(line.strip()));
    }
    if (isSignal && signal == null) {
      signal = Integer.parseInt(signalMatch.group(1));
    }
    if (STACK.matcher(line).matches() && frames == 0) {
      inStack = true;
    }
    return true;
  }

  Crash crash() {
    return crashText == null ? null
        : new Crash(crashLine, signal, crashText, frames, firstFrames, crashMarkers,
            lastFrame < 0 ? null : lastFrame, lastWasFrame);
  }

  private static String clip(String text) {
    return Reports.clip(text, MAX_TEXT);
  }
}
