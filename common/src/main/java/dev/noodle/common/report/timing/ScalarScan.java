package dev.noodle.common.report.timing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the single values around the path blocks: {@code report_clock_min_period},
 * {@code report_clock_skew}, the ORFS violation counts and critical-path sections. Values stay
 * in the report's unit until {@link #result(Double)}.
 */
final class ScalarScan {
  private static final int MAX_SKEWS = 100;
  private static final String NUM = "(" + TimeText.NUMBER + ")";
  private static final Pattern PERIOD = Pattern.compile(
      "^\\s*(\\S+) period_min = " + NUM + " fmax = " + NUM + "\\s*$");
  private static final Pattern COUNT = Pattern.compile(
      "^\\s*(setup|hold) violation count (\\d{1,15})\\s*$");
  private static final Pattern SKEW_CLOCK = Pattern.compile("^Clock (\\S+)\\s*$");
  private static final Pattern LATENCY = Pattern.compile(
      "^\\s*" + NUM + " (source|target) latency (\\S.*?)\\s*$");
  private static final Pattern CRPR = Pattern.compile("^\\s*" + NUM + " CRPR\\s*$");
  private static final Pattern SKEW = Pattern.compile("^\\s*" + NUM + " (setup|hold) skew\\s*$");
  private static final Pattern DASHES = Pattern.compile("^\\s*-{4,}\\s*$");
  private static final Pattern ORFS_SECTION = Pattern.compile(
      "^\\S+ critical path (delay|slack)\\s*$");
  private static final Pattern NUMBER_LINE = Pattern.compile("^\\s*" + NUM + "\\s*$");

  private Long setupCount;
  private Long holdCount;
  private String periodClock;
  private Double periodMin;
  private Double fmax;
  private Double criticalDelay;
  private Double criticalSlack;
  private final List<double[]> skewValues = new ArrayList<>();
  private final List<String[]> skewNames = new ArrayList<>();
  private String skewClock;
  private double[] skew;
  private String[] names;
  private String pendingSection;

  void accept(String line) {
    Matcher m;
    if (skewClock != null && skewLine(line)) {
      return;
    }
    skewClock = null;
    if (pendingSection != null) {
      if (DASHES.matcher(line).matches()) {
        return;
      }
      if ((m = NUMBER_LINE.matcher(line)).matches()) {
        if (pendingSection.equals("delay")) {
          criticalDelay = TimeText.number(m.group(1));
        } else {
          criticalSlack = TimeText.number(m.group(1));
        }
      }
      pendingSection = null;
    }
    if ((m = PERIOD.matcher(line)).matches()) {
      periodClock = m.group(1);
      periodMin = TimeText.number(m.group(2));
      fmax = TimeText.number(m.group(3));
    } else if ((m = COUNT.matcher(line)).matches()) {
      long count = Long.parseLong(m.group(2));
      if (m.group(1).equals("setup")) {
        setupCount = count;
      } else {
        holdCount = count;
      }
    } else if ((m = ORFS_SECTION.matcher(line)).matches()) {
      pendingSection = m.group(1);
    } else if ((m = SKEW_CLOCK.matcher(line)).matches()) {
      skewClock = m.group(1);
      skew = new double[] {Double.NaN, Double.NaN, Double.NaN};
      names = new String[2];
    }
  }

  /** A line of an open {@code report_clock_skew} block; false when the block has ended. */
  private boolean skewLine(String line) {
    Matcher m;
    if ((m = LATENCY.matcher(line)).matches()) {
      int i = m.group(2).equals("source") ? 0 : 1;
      skew[i] = orNaN(TimeText.number(m.group(1)));
      names[i] = m.group(3);
    } else if ((m = CRPR.matcher(line)).matches()) {
      skew[2] = orNaN(TimeText.number(m.group(1)));
    } else if (DASHES.matcher(line).matches()) {
      return true;
    } else if ((m = SKEW.matcher(line)).matches()) {
      if (skewValues.size() < MAX_SKEWS) {
        skewValues.add(new double[] {skew[0], skew[1], skew[2],
            orNaN(TimeText.number(m.group(1)))});
        skewNames.add(new String[] {skewClock, m.group(2), names[0], names[1]});
      }
      skewClock = null;
    } else {
      return false;
    }
    return true;
  }

  TimingScalars result(Double scale) {
    List<ClockSkew> skews = new ArrayList<>();
    for (int i = 0; i < skewValues.size(); i++) {
      double[] v = skewValues.get(i);
      String[] n = skewNames.get(i);
      skews.add(new ClockSkew(n[0], n[1], ps(v[0], scale), n[2], ps(v[1], scale), n[3],
          ps(v[2], scale), ps(v[3], scale)));
    }
    return new TimingScalars(setupCount, holdCount, periodClock, ps(periodMin, scale), fmax,
        ps(criticalDelay, scale), ps(criticalSlack, scale), skews);
  }

  boolean isEmpty() {
    return setupCount == null && holdCount == null && periodMin == null && fmax == null
        && criticalDelay == null && criticalSlack == null && skewValues.isEmpty();
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }

  private static Double ps(Double value, Double scale) {
    return value == null || value.isNaN() || scale == null
        ? null : TimeText.picoseconds(value, scale);
  }
}
