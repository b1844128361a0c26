package dev.noodle.common.report.drv;

import static dev.noodle.common.report.drv.DrvPatterns.DASHES;

import dev.noodle.common.report.TimeUnits;
import dev.noodle.common.report.internal.Numbers;
import dev.noodle.common.report.internal.TerminatedLines;
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
  private List<GroupSlack> groupTable;
  private boolean groupDashes;
  private List<GroupSlack> groupSlacks = List.of();

  DrvScan(String givenTimeUnit) {
    this.givenTimeUnit = givenTimeUnit;
  }

  void accept(String line, long number) {
    if (groupTable != null && groupLine(line, number)) {
      return;
    }
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
    } else if (DrvPatterns.PULSE_HEADING.matcher(line).matches()) {
      open = new OpenSection("min_pulse_width", number, this);
    } else if (DrvPatterns.GROUP_HEADER.matcher(line).matches()) {
      groupTable = new ArrayList<>();
      groupDashes = false;
    } else if ((m = DrvPatterns.COUNT.matcher(line)).matches()) {
      countLine(DrvPatterns.check(m.group(1), m.group(2)), Long.parseLong(m.group(3)), number);
    } else if ((m = DrvPatterns.ORFS_SCALAR.matcher(line)).matches()) {
      pendingScalar = m.group(1);
      return;
    } else if (pendingScalar != null && DASHES.matcher(line).matches()) {
      return;
    } else if (pendingScalar != null && (m = DrvPatterns.NUMBER_LINE.matcher(line)).matches()) {
      orfsValue(pendingScalar, Numbers.parse(m.group(1)));
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
    checks.put(check, new DrvCheck(check, count, worst, "count line"));
    checkLine.put(check, number);
  }

  private void orfsValue(String name, double value) {
    orfsValues.put(name, value);
    if (Numbers.isSentinel(value) && !sentinels.contains(name)) {
      sentinels.add(name);
    }
  }

  /** A line of an open {@code Group Slack} table; false when the table has ended. */
  private boolean groupLine(String line, long number) {
    if (!groupDashes) {
      groupDashes = DASHES.matcher(line).matches();
      if (!groupDashes) {
        groupTable = null;
      }
      return groupDashes;
    }
    Matcher m = DrvPatterns.GROUP_ROW.matcher(line);
    if (m.matches() && groupTable.size() < DrvReportParser.MAX_ROWS) {
      groupTable.add(new GroupSlack(m.group(1), Numbers.parse(m.group(2)), number));
      return true;
    }
    if (m.matches()) {
      problem("The Group Slack table has more than " + DrvReportParser.MAX_ROWS + " rows;"
          + " only the first ones were kept");
      return true;
    }
    groupSlacks = List.copyOf(groupTable);
    groupTable = null;
    return false;
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

  DrvReport finish(TerminatedLines lines) {
    if (groupTable != null && groupDashes) {
      groupSlacks = List.copyOf(groupTable);
    }
    if (open != null) {
      open.finishAtEnd();
      close();
    }
    if (lines.droppedUnterminatedLine()) {
      problem("The last line has no line end, so the report was cut there; that line was not"
          + " read and a row or section may be missing");
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
          .filter(c -> DrvReport.isTime(c.check()) && c.worstSlack() != null)
          .findFirst()
          .ifPresent(c -> problems.add("The time unit is unknown; the " + c.check()
              + " slack is left out"));
    }
    if (checks.isEmpty() && sections.isEmpty() && orfsValues.isEmpty() && problems.isEmpty()) {
      problems.add(lines.sawControlCharacters()
          ? "The input is not text (it holds control characters)"
          : "No report_check_types output found");
    }
    return new DrvReport(partial, problems, sections, checks, orfsValues, sentinels, unit,
        groupSlacks);
  }
}
