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

  /**
   * {@code value} in {@code unit} as picoseconds, rounded to a millionth of a picosecond to
   * remove conversion noise without losing printed digits. Keeps the sign of -0.0; values too
   * large to round are returned as
   * converted.
   */
  public static double toPicoseconds(double value, double picosecondsPerUnit) {
    double ps = value * picosecondsPerUnit;
    if (!Double.isFinite(ps) || Math.abs(ps) > 1e9) {
      return ps;
    }
    double rounded = Math.rint(ps * 1e6) / 1e6;
    return rounded == 0 ? Math.copySign(0.0, ps) : rounded;
  }
}
