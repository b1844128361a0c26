package dev.noodle.common.report.timing;

import dev.noodle.common.report.TimeUnits;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects what is known of a report's time unit: the caller's unit and the unit lines the
 * report prints ({@code noodle_units time=1ns ...}, or {@code report_units} output such as
 * {@code " time 1ns"}). Units that disagree leave the unit unknown rather than picking one.
 */
final class UnitEvidence {
  static final String UNKNOWN = "time unit unknown";

  private static final Pattern NOODLE_UNITS = Pattern.compile(
      "^\\s*noodle_units\\s+(?:.*\\s)?time=(\\S+)");
  private static final Pattern TOOL_UNITS = Pattern.compile("^\\s*time\\s+(\\d*[fpnum]?s)\\s*$");

  private final String declared;
  private String printed;
  private Double printedScale;
  private String problem;

  UnitEvidence(String declared) {
    this.declared = declared == null || declared.isBlank() ? null : declared.strip();
  }

  /** Takes note of {@code line} when it states a time unit; true when it did. */
  boolean offer(String line) {
    if (!line.contains("time")) {
      return false;
    }
    Matcher m = NOODLE_UNITS.matcher(line);
    if (!m.find()) {
      m = TOOL_UNITS.matcher(line);
      if (!m.matches()) {
        return false;
      }
    }
    String unit = m.group(1);
    Double scale = TimeUnits.picosecondsPer(unit);
    if (scale == null) {
      note("the report prints time unit '" + unit + "', which is not a time unit");
    } else if (printedScale != null && !printedScale.equals(scale)) {
      note("the report prints two time units, '" + printed + "' and '" + unit + "'");
    } else {
      printed = unit;
      printedScale = scale;
    }
    return true;
  }

  private void note(String text) {
    if (problem == null) {
      problem = text;
    }
  }

  /** Picoseconds per report unit, or null when the unit is unknown (see {@link #problem()}). */
  Double scale() {
    if (problem() != null) {
      return null;
    }
    return declared != null ? TimeUnits.picosecondsPer(declared) : printedScale;
  }

  /** The unit the values were read in, as given; null when unknown. */
  String unit() {
    return scale() == null ? null : Objects.requireNonNullElse(declared, printed);
  }

  /** Why the unit is unknown, starting with {@link #UNKNOWN}; null when it is known. */
  String problem() {
    if (problem != null) {
      return UNKNOWN + ": " + problem;
    }
    if (declared != null) {
      Double scale = TimeUnits.picosecondsPer(declared);
      if (scale == null) {
        return UNKNOWN + ": the unit '" + declared + "' given in the options is not a time unit"
            + " (use ns, ps, 1ns, 10ps, ...)";
      }
      if (printedScale != null && !printedScale.equals(scale)) {
        return UNKNOWN + ": the options say '" + declared + "' but the report prints '"
            + printed + "'; fix the declared unit";
      }
      return null;
    }
    if (printedScale == null) {
      return UNKNOWN + ": the report prints no unit (noodle_units or report_units line) and"
          + " the options give none; no time values were kept";
    }
    return null;
  }
}
