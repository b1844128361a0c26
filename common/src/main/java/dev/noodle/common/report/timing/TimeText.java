package dev.noodle.common.report.timing;

import dev.noodle.common.report.TimeUnits;
import java.util.regex.Pattern;

/** Numbers as timing reports print them, and their conversion to picoseconds. */
final class TimeText {
  /** A decimal number, optional sign and exponent: {@code -0.00}, {@code 1.5e-3}, {@code .5}. */
  static final String NUMBER = "[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?";

  private static final Pattern NUMBER_TEXT = Pattern.compile(NUMBER);
  /** Beyond this a conversion through {@code long} rounding would overflow. */
  private static final double ROUNDING_LIMIT_PS = 1e15;

  private TimeText() {}

  /** The number printed as {@code text}, or null when it is not a finite decimal number. */
  static Double number(String text) {
    if (text == null || !NUMBER_TEXT.matcher(text).matches()) {
      return null;
    }
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * {@code value} (in a unit of {@code perUnit} ps) as picoseconds. A zero keeps its sign, so a
   * printed {@code -0.00} stays distinguishable from {@code 0.00}.
   */
  static double picoseconds(double value, double perUnit) {
    double ps = value * perUnit;
    if (Math.abs(ps) < ROUNDING_LIMIT_PS) {
      ps = TimeUnits.toPicoseconds(value, perUnit);
    }
    return ps == 0 ? Math.copySign(0.0, value) : ps;
  }
}
