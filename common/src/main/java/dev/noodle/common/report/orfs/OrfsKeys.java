package dev.noodle.common.report.orfs;

import java.util.List;
import java.util.Map;

/** How ORFS metric keys ({@code stage__metric__sub}) map to Noodle's metric names. */
final class OrfsKeys {
  /** Flow stages in the order ORFS runs them; the last one present gives the final values. */
  static final List<String> STAGES = List.of("synth", "floorplan", "globalplace", "placeopt",
      "detailedplace", "cts", "globalroute", "detailedroute", "finish");

  /** Key holding the platform time unit, such as {@code 1ps}. */
  static final String TIME_UNIT_KEY = "run__flow__platform__time_units";

  /** What a value is, which decides how it is converted. */
  enum Type { TIME, COUNT, PLAIN }

  /** One mapped metric: Noodle's name and the type of its value. */
  record Target(String name, Type type) {}

  /** Key after the stage prefix, to Noodle's name. ORFS {@code ws} is the worst slack. */
  static final Map<String, Target> BY_SUFFIX = Map.ofEntries(
      Map.entry("timing__setup__ws", new Target("worst_slack_ps", Type.TIME)),
      Map.entry("timing__setup__tns", new Target("tns_ps", Type.TIME)),
      Map.entry("timing__hold__ws", new Target("hold_worst_slack_ps", Type.TIME)),
      Map.entry("timing__hold__tns", new Target("hold_tns_ps", Type.TIME)),
      Map.entry("timing__drv__setup_violation_count",
          new Target("setup_violation_count", Type.COUNT)),
      Map.entry("timing__drv__hold_violation_count",
          new Target("hold_violation_count", Type.COUNT)),
      Map.entry("timing__drv__max_slew", new Target("drv_max_slew_count", Type.COUNT)),
      Map.entry("timing__drv__max_cap", new Target("drv_max_capacitance_count", Type.COUNT)),
      Map.entry("timing__drv__max_fanout", new Target("drv_max_fanout_count", Type.COUNT)),
      Map.entry("timing__fmax", new Target("fmax_hz", Type.PLAIN)),
      Map.entry("power__total", new Target("power_total_w", Type.PLAIN)),
      Map.entry("power__internal__total", new Target("power_internal_w", Type.PLAIN)),
      Map.entry("power__switching__total", new Target("power_switching_w", Type.PLAIN)),
      Map.entry("power__leakage__total", new Target("power_leakage_w", Type.PLAIN)),
      Map.entry("design__instance__count", new Target("instance_count", Type.COUNT)),
      Map.entry("design__instance__area", new Target("instance_area_um2", Type.PLAIN)),
      Map.entry("design__instance__utilization", new Target("utilization", Type.PLAIN)),
      Map.entry("route__drc_errors", new Target("drc_errors", Type.COUNT)),
      Map.entry("flow__errors__count", new Target("flow_errors", Type.COUNT)),
      Map.entry("flow__warnings__count", new Target("flow_warnings", Type.COUNT)));

  /** Main metrics whose absence from the final stage is worth saying. */
  static final List<String> EXPECTED = List.of("worst_slack_ps", "tns_ps",
      "hold_worst_slack_ps", "hold_tns_ps", "setup_violation_count", "hold_violation_count",
      "drv_max_slew_count", "drv_max_capacitance_count", "drv_max_fanout_count",
      "power_total_w", "instance_count", "instance_area_um2", "fmax_hz");

  private OrfsKeys() {}

  /** The stage of a key, when it is one of {@link #STAGES}; else null. */
  static String stageOf(String key) {
    int split = key.indexOf("__");
    if (split <= 0) {
      return null;
    }
    String stage = key.substring(0, split);
    return STAGES.contains(stage) ? stage : null;
  }

  /** The target of a key, or null when Noodle has no name for it. */
  static Target targetOf(String key) {
    String stage = stageOf(key);
    return stage == null ? null : BY_SUFFIX.get(key.substring(stage.length() + 2));
  }
}
