package dev.noodle.common.report.internal;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Strict reading of numbers as tools print them. A text that is not wholly a decimal number
 * ({@code 1.5}, {@code -0.00}, {@code 8.85e-04}) reads as null, never as a nearby value.
 */
public final class Numbers {
  /** A decimal number as OpenSTA and OpenROAD print it; used inside larger patterns. */
  public static final String DECIMAL = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";
  /** Magnitudes from here on are "no limit" sentinels (OpenSTA prints 1e30 for them). */
  public static final double SENTINEL = 1e29;

  private static final Pattern WHOLE = Pattern.compile(DECIMAL);

  private Numbers() {}

  /** The number the whole text spells, or null. */
  public static Double parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      return null;
    }
    return Double.parseDouble(text);
  }

  /** The whole number the text spells, or null when it is not one or does not fit a long. */
  public static Long parseLong(String text) {
    if (text == null || text.isEmpty() || text.length() > 18) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    return Long.parseLong(text);
  }

  /** True for values that stand for "no limit" rather than a measurement. */
  public static boolean isSentinel(double value) {
    return Math.abs(value) >= SENTINEL;
  }

  /**
   * {@code value} times {@code picosecondsPerUnit}, multiplied as the decimals they print as,
   * so that -1.54333 ns gives exactly -1543.33 ps and every printed digit is kept.
   */
  public static double toPicoseconds(double value, double picosecondsPerUnit) {
    if (!Double.isFinite(value)) {
      return value;
    }
    return new BigDecimal(Double.toString(value))
        .multiply(new BigDecimal(Double.toString(picosecondsPerUnit))).doubleValue();
  }
}
