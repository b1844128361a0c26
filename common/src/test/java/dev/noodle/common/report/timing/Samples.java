package dev.noodle.common.report.timing;

/** Small report texts written for the tests, in the shapes OpenSTA prints. */
final class Samples {
  private Samples() {}

  /** One path block; {@code slack} is the slack text, {@code tag} MET or VIOLATED. */
  static String path(String group, String type, String start, String end, String slack,
      String tag) {
    return """
        Startpoint: %s (rising edge-triggered flip-flop clocked by %s)
        Endpoint: %s
                  (rising edge-triggered flip-flop clocked by %s)
        Path Group: %s
        Path Type: %s

          Delay    Time   Description
        ---------------------------------------------------------
           0.00    0.00   clock %s (rise edge)
           0.00    0.00   clock network delay (ideal)
           0.30    0.30 ^ %s/Q (DFF_X1)
                   0.30   data arrival time

           1.00    1.00   clock %s (rise edge)
          -0.05    0.95   library setup time
                   0.95   data required time
        ---------------------------------------------------------
                   0.95   data required time
                  -0.30   data arrival time
        ---------------------------------------------------------
                   %s   slack (%s)


        """.formatted(start, group, end, group, group, type, group, start, group, slack, tag);
  }

  /** A max path on clock clk from r1 to r2 with the given slack text and tag. */
  static String maxPath(String slack, String tag) {
    return path("clk", "max", "r1", "r2", slack, tag);
  }

  /** Several path groups, min and max, in ns, with log lines around them. */
  static final String GROUPS = "[INFO ODB-0227] LEF file: x.lef\n"
      + "noodle_units time=1ns capacitance=1fF\n"
      + path("clk_a", "max", "a1", "a2", "0.65", "MET")
      + path("clk_b", "max", "b1", "b2", "-0.25", "VIOLATED")
      + path("clk_a", "min", "a3", "a4", "0.01", "MET")
      + path("clk_b", "min", "b3", "b4", "-0.02", "VIOLATED")
      + "No differences found.\n";
}
