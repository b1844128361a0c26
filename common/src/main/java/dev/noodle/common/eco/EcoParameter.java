package dev.noodle.common.eco;

import java.math.BigDecimal;
import java.util.List;

/**
 * A typed ECO parameter. Values are numbers only, so rendering them into a script can never
 * inject text: integers print as integers, decimals in plain notation.
 *
 * @param name parameter key as written in the study file
 * @param integer true for whole numbers, false for decimals
 * @param min smallest legal value (inclusive)
 * @param max largest legal value (inclusive)
 * @param allowed when not empty, the only legal values
 * @param defaultValue value used when a study does not set the parameter
 * @param description one line for the catalog listing and the docs
 */
public record EcoParameter(
    String name,
    boolean integer,
    BigDecimal min,
    BigDecimal max,
    List<BigDecimal> allowed,
    BigDecimal defaultValue,
    String description) {

  public EcoParameter {
    allowed = List.copyOf(allowed);
  }

  public static EcoParameter ofInt(String name, long min, long max, long def, String description) {
    return new EcoParameter(name, true, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
        List.of(), BigDecimal.valueOf(def), description);
  }

  public static EcoParameter ofChoice(String name, List<Long> choices, long def,
      String description) {
    List<BigDecimal> values = choices.stream().map(BigDecimal::valueOf).toList();
    return new EcoParameter(name, true, values.get(0), values.get(values.size() - 1), values,
        BigDecimal.valueOf(def), description);
  }

  /**
   * Returns why {@code value} is not legal for this parameter, or null when it is.
   */
  public String problemWith(BigDecimal value) {
    if (integer && value.stripTrailingZeros().scale() > 0) {
      return "must be a whole number, got " + value.toPlainString();
    }
    if (!allowed.isEmpty()) {
      boolean found = allowed.stream().anyMatch(a -> a.compareTo(value) == 0);
      return found ? null : "must be one of " + rangeText() + ", got " + value.toPlainString();
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      return "must be in " + rangeText() + ", got " + value.toPlainString();
    }
    return null;
  }

  /** Human text for the legal values, e.g. {@code [1, 1000]} or {@code {2, 4}}. */
  public String rangeText() {
    if (!allowed.isEmpty()) {
      return allowed.stream().map(BigDecimal::toPlainString)
          .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
    }
    return "[" + min.toPlainString() + ", " + max.toPlainString() + "]";
  }

  /** The literal written into a script for {@code value}. */
  public String render(BigDecimal value) {
    return integer ? value.toBigIntegerExact().toString() : value.stripTrailingZeros()
        .toPlainString();
  }
}
