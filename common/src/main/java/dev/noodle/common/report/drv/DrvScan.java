package dev.noodle.common.report.drv;

import static dev.noodle.common.report.drv.DrvPatterns.DASHES;

import dev.noodle.common.report.BoundedLineReader;
import dev.noodle.common.report.TimeUnits;
import dev.noodle.common.report.internal.Numbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** The state of one pass over a report: the open section, what is final per check. */
final class DrvScan {
  private final List<String> problems = new ArrayList<>();
  private final List<DrvSection> sections = new ArrayList<>();
  private final Map<String, DrvCheck> checks = new LinkedHashMap<>();
  private final Map<String, Long> checkLine = new HashMap<>();
  private final Map<String, Long> requests = new HashMap<>();
  private final Map<String, Double> orfsValues = new LinkedHashMap<>();
  private final List<String> sentinels = new ArrayList<>();
  private String timeUnit;
  private final String givenTimeUnit;
  private boolean partial;
  private int rowsKept;
  private OpenSection open;
  private String pendingScalar;
  private long valueLine = -1;
  private Runnable undoValue;

  DrvScan(String givenTimeUnit) {
    this.givenTimeUnit = givenTimeUnit;
  }

  void accept(String line, long number) {
    if (open != null) {
      if (open.accept(line, number)) {
        return;
      }
      close();
    }
    dispatch(line, number);
  }

  private void dispatch(String line, long number) {
    Matcher m;
    if ((m = DrvPatterns.HEADING.matcher(line)).matches()) {
      String check = DrvPatterns.check(m.group(1), m.group(2));
      open = new OpenSection(check, number, this);
      requests.remove(check);
    } else if ((m = DrvPatterns.COUNT.matcher(line)).matches()) {
      countLine(DrvPatterns.check(m.group(1), m.group(2)), Long.parseLong(m.group(3)), number);
    } else if ((m = DrvPatterns.ORFS_SCALAR.matcher(line)).matches()) {
      pendingScalar = m.group(1);
      return;
    } else if (pendingScalar != null && DASHES.matcher(line).matches()) {
      return;
    } else if (pendingScalar != null && (m = DrvPatterns.NUMBER_LINE.matcher(line)).matches()) {
      orfsValue(pendingScalar, Numbers.parse(m.group(1)), number);
    } else if ((m = DrvPatterns.TIME_UNIT.matcher(line)).matches()) {
      timeUnit = m.group(1);
    } else if (DrvPatterns.VIOLATORS_REQUEST.matcher(line).find()) {
      Matcher flag = DrvPatterns.REQUESTED_CHECK.matcher(line);
      while (flag.find()) {
        requests.put(DrvPatterns.check(flag.group(1), flag.group(2)), number);
      }
    }
    pendingScalar = null;
  }

  private void countLine(String check, long count, long number) {
    DrvCheck before = checks.get(check);
    Double worst = before == null ? null : before.worstSlack();
    DrvCheck previous = checks.put(check, new DrvCheck(check, count, worst, "count line"));
    Long previousLine = checkLine.put(check, number);
    remember(number, () -> restore(check, previous, previousLine));
  }

  private void orfsValue(String name, double value, long number) {
    Double previous = orfsValues.put(name, value);
    boolean sentinel = Numbers.isSentinel(value);
    if (sentinel && !sentinels.contains(name)) {
      sentinels.add(name);
    }
    remember(number, () -> {
      if (previous == null) {
        orfsValues.remove(name);
      } else {
        orfsValues.put(name, previous);
      }
      if (sentinel) {
        sentinels.remove(name);
      }
    });
  }

  private void restore(String check, DrvCheck previous, Long previousLine) {
    if (previous == null) {
      checks.remove(check);
      checkLine.remove(check);
    } else {
      checks.put(check, previous);
      checkLine.put(check, previousLine);
    }
  }

  /** Remembers how to take back a value read from a line not anchored at its end. */
  private void remember(long number, Runnable undo) {
    valueLine = number;
    undoValue = undo;
  }

  /** Called by the open section for each row; false when the row was not kept. */
  boolean keepRow() {
    if (rowsKept >= DrvReportParser.MAX_ROWS) {
      return false;
    }
    rowsKept++;
    return true;
  }

  void problem(String text) {
    partial = true;
    if (problems.size() < 100) {
      problems.add(text);
    }
  }

  private void close() {
    DrvSection section = open.build();
    open = null;
    if (section == null) {
      return;
    }
    if (sections.size() < DrvReportParser.MAX_SECTIONS) {
      sections.add(section);
    } else if (sections.size() == DrvReportParser.MAX_SECTIONS) {
      problem("More than " + DrvReportParser.MAX_SECTIONS + " sections; later ones are"
          + " counted in the checks but not listed");
    }
    if (section.rowsCut()) {
      problem("The " + section.check() + " section at line " + section.line() + " has "
          + section.rowCount() + " rows; only the first ones were kept");
    }
    DrvCheck before = checks.get(section.check());
    if (before != null && "section".equals(before.source()) && section.rowCount() <= 1
        && before.count() != null && before.count() > section.violators()) {
      // Without -violators a check prints only its worst pin: that is no count, so the fuller
      // list said before stands; the worst slack is the worst of both.
      Double worst = before.worstSlack() == null ? section.worstSlack()
          : section.worstSlack() == null ? before.worstSlack()
          : Math.min(before.worstSlack(), section.worstSlack());
      checks.put(section.check(), new DrvCheck(section.check(), before.count(), worst,
          "section"));
    } else {
      checks.put(section.check(), new DrvCheck(section.check(), (long) section.violators(),
          section.worstSlack(), "section"));
    }
    checkLine.put(section.check(), section.line());
  }

  DrvReport finish(BoundedLineReader lines, boolean noLineEnd) {
    if (open != null) {
      open.finishAtEnd();
      close();
    }
    if (noLineEnd && valueLine == lines.lineNumber() && undoValue != null) {
      undoValue.run();
      problem("The last line has no line end and may be cut; its value was left out");
    }
    requests.forEach((check, line) -> {
      if (checkLine.getOrDefault(check, -1L) < line) {
        checks.put(check, new DrvCheck(check, 0L, null, "empty violators report"));
      }
    });
    if (lines.truncated()) {
      problem("Reading stopped at " + lines.charsRead() + " characters");
    }
    String unit = timeUnit != null ? timeUnit : givenTimeUnit;
    if (TimeUnits.picosecondsPer(unit) == null) {
      unit = null;
      checks.values().stream()
          .filter(c -> c.check().endsWith("_slew") && c.worstSlack() != null)
          .findFirst()
          .ifPresent(c -> problems.add("The time unit is unknown; the " + c.check()
              + " slack is left out"));
    }
    if (checks.isEmpty() && sections.isEmpty() && orfsValues.isEmpty() && problems.isEmpty()) {
      problems.add(lines.sawControlCharacters()
          ? "The input is not text (it holds control characters)"
          : "No report_check_types output found");
    }
    return new DrvReport(partial, problems, sections, checks, orfsValues, sentinels, unit);
  }
}
