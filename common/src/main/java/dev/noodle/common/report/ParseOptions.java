package dev.noodle.common.report;

/**
 * Settings a parser may need from outside the report.
 *
 * @param timeUnit the time unit of the run ({@code ns}, {@code ps}, {@code 1ns}, ...) when the
 *     caller knows it; null to use only what the report itself says
 * @param maxChars most characters read from one input
 */
public record ParseOptions(String timeUnit, long maxChars) {
  public static ParseOptions defaults() {
    return new ParseOptions(null, BoundedLineReader.MAX_CHARS);
  }

  public ParseOptions withTimeUnit(String unit) {
    return new ParseOptions(unit, maxChars);
  }
}
