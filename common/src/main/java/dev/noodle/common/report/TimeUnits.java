package dev.noodle.common.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Time units as tools print them ({@code 1ns}, {@code ns}, {@code 10ps}), converted to ps. */
public final class TimeUnits {
  private static final Pattern UNIT_TEXT = Pattern.compile("^(\\d*)([fpnum]?)s$");

  private TimeUnits() {}

  /** Picoseconds per unit for texts such as {@code 1ns}, {@code ns}, {@code 10ps}; else null. */
  public static Double picosecondsPer(String unit) {
    if (unit == null) {
      return null;
    }
    Matcher m = UNIT_TEXT.matcher(unit.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    double multiple = m.group(1).isEmpty() ? 1 : Double.parseDouble(m.group(1));
    double base = switch (m.group(2)) {
      case "f" -> 1e-3;
      case "p" -> 1;
      case "n" -> 1e3;
      case "u" -> 1e6;
      case "m" -> 1e9;
      default -> 1e12;
    };
    return multiple * base;
  }

  /** {@code value} in {@code unit} as picoseconds, rounded to remove conversion noise. */
  public static double toPicoseconds(double value, double picosecondsPerUnit) {
    return Math.round(value * picosecondsPerUnit * 1000.0) / 1000.0;
  }
}
