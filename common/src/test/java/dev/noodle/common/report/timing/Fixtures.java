package dev.noodle.common.report.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.noodle.common.report.ParseOptions;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared OpenROAD / OpenSTA fixture files, read from outside the repository. */
final class Fixtures {
  /** Relative to the common module folder, where Maven runs the tests. */
  static final Path ROOT = Path.of("../../shared/fixtures/openroad");

  static final String FIELDS_MIN_MAX =
      "timing/noodle2_gcd-nangate45_openroad-24q3_fields-cap-slew_min-max.txt";
  static final String ORFS_FINISH = "timing/orfs_gcd-sky130hd_6_finish.rpt";
  static final String TWO_GROUPS = "timing/openroad-dbsta_hierclock_min-fields-two-groups.ok";
  static final String CLOCK_EXPANDED = "timing/openroad-cts_array_full-clock-expanded.ok";
  static final String NO_PATHS = "timing/opensta_disconnect-mcp-pin_no-paths-found_ps.ok";
  static final String UNCONSTRAINED = "timing/openroad-rsz_remove-buffers1_unconstrained.ok";
  static final String REPAIR_SETUP = "wns_tns/openroad-rsz_repair-setup4_worst-slack-tns.ok";

  private Fixtures() {}

  static boolean present() {
    return Files.isDirectory(ROOT.resolve("timing"));
  }

  /** The file's text; skips the calling test when the fixture folder is absent. */
  static String text(String name) throws IOException {
    assumeTrue(present(), "fixture folder " + ROOT.toAbsolutePath() + " is absent");
    return Files.readString(ROOT.resolve(name), StandardCharsets.US_ASCII);
  }

  /** The time unit of each fixture, from the manifest: ps for asap7, else ns. */
  static String unit(String name) {
    return name.equals(NO_PATHS) ? "ps" : "ns";
  }

  static TimingReport timing(String name) throws IOException {
    return TimingReportParser.parse(new StringReader(text(name)), options(name));
  }

  static SlackSummary summary(String name) throws IOException {
    return SlackSummaryParser.parse(new StringReader(text(name)), options(name));
  }

  static ParseOptions options(String name) {
    return ParseOptions.defaults().withTimeUnit(unit(name));
  }

  /** Checks every field of a path; times in ps, null where the report prints none. */
  static void assertPath(TimingPath path, String group, PathType type, String start,
      String startDescription, String end, String endDescription, Double arrival,
      Double required, Double slack, SlackStatus status) {
    assertEquals(group, path.group(), "group");
    assertEquals(type, path.type(), "path type");
    assertEquals(start, path.startpoint(), "startpoint");
    assertEquals(startDescription, path.startpointDescription(), "startpoint description");
    assertEquals(end, path.endpoint(), "endpoint");
    assertEquals(endDescription, path.endpointDescription(), "endpoint description");
    assertEquals(arrival, path.arrivalPs(), "arrival");
    assertEquals(required, path.requiredPs(), "required");
    assertEquals(slack, path.slackPs(), "slack");
    assertEquals(status, path.status(), "status");
  }
}
