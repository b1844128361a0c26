package dev.noodle.coordinator.cli;

import dev.noodle.common.json.Json;
import dev.noodle.common.report.ParseOptions;
import dev.noodle.common.report.ParsedReport;
import dev.noodle.common.report.ReportKind;
import dev.noodle.common.report.heatmap.Heatmap;
import dev.noodle.common.report.heatmap.HeatmapCsvParser;
import dev.noodle.common.report.heatmap.HeatmapDiff;
import dev.noodle.common.report.heatmap.HeatmapRenderer;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code noodle parse}: what Noodle reads from any report, as JSON. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    versionProvider = Noodle.Version.class,
    description = {"Print what Noodle reads from a tool report as JSON: its kind, the metrics "
        + "with stable names (times in ps), the full parsed report, and any problem. The kind "
        + "is detected from the file when --kind is not given. Runs no tool and needs no "
        + "cluster."},
    footer = {"", "Kinds: timing, wns_tns, congestion, heatmap, metrics, power, drv, log.",
        "", "Examples:",
        "  noodle parse 6_finish.rpt --time-unit ns",
        "  noodle parse congestion.rpt --kind congestion",
        "  noodle parse placement_density.csv --png density.png",
        "  noodle parse after.csv --kind heatmap --diff-against before.csv --png change.png",
        "", "Exit codes: 0 read cleanly, 1 read with problems or only in part, 2 bad input."})
final class ParseCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The report to read.")
  private Path file;

  @Option(names = "--kind", paramLabel = "KIND", description = "Report kind (default: detected).")
  private String kind;

  @Option(names = "--time-unit", paramLabel = "UNIT",
      description = "Time unit of the run, ns or ps, when the report does not say it.")
  private String timeUnit;

  @Option(names = "--png", paramLabel = "FILE",
      description = "For a heatmap: also render it (or the diff) as a PNG.")
  private Path png;

  @Option(names = "--diff-against", paramLabel = "FILE",
      description = "For a heatmap: the earlier heatmap of the same design to compare with.")
  private Path before;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    String bad = checkPaths();
    if (bad != null) {
      err.println("noodle: " + bad);
      return Noodle.BAD_INPUT;
    }
    if (timeUnit != null && !timeUnit.equals("ns") && !timeUnit.equals("ps")) {
      err.println("noodle: --time-unit must be ns or ps, got '" + timeUnit + "'");
      return Noodle.BAD_INPUT;
    }
    ReportKind k;
    if (kind != null) {
      k = ReportKind.fromKey(kind).orElse(null);
      if (k == null) {
        err.println("noodle: unknown --kind '" + kind + "'; use one of " + Arrays.stream(
            ReportKind.values()).map(ReportKind::key).collect(Collectors.joining(", ")));
        return Noodle.BAD_INPUT;
      }
    } else {
      k = ReportKind.detect(head(file)).orElse(null);
      if (k == null) {
        err.println("noodle: " + file + ": not a report kind Noodle knows; give --kind");
        return Noodle.BAD_INPUT;
      }
    }
    ParseOptions options = ParseOptions.defaults().withTimeUnit(timeUnit);
    ParsedReport report;
    try (Reader in = reader(file)) {
      report = k.parse(in, options);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("schema", 1);
    out.put("file", file.toString());
    out.put("kind", report.kind());
    out.put("partial", report.partial());
    out.put("problems", report.problems());
    out.put("metrics", report.metrics());
    out.put("report", report);
    if (png != null || before != null) {
      if (!(report instanceof Heatmap heatmap)) {
        err.println("noodle: --png and --diff-against apply to heatmaps only; " + file
            + " is a " + report.kind() + " report");
        return Noodle.BAD_INPUT;
      }
      try {
        out.put("image", render(heatmap, out, err));
      } catch (IOException e) {
        err.println("noodle: cannot write --png " + png + ": " + e.getMessage()
            + "; check that its folder is writable");
        return Noodle.BAD_INPUT;
      }
      if (out.get("diff") instanceof HeatmapDiff diff && !diff.problems().isEmpty()) {
        spec.commandLine().getOut().println(Json.write(out));
        return Noodle.NOT_COMPLETED;
      }
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(Json.write(out));
    stdout.flush();
    return report.problems().isEmpty() && !report.partial() ? 0 : Noodle.NOT_COMPLETED;
  }

  /** What is wrong with the paths given, as one sentence, or null when they can be used. */
  private String checkPaths() {
    String input = checkInput(file, "");
    if (input != null) {
      return input;
    }
    if (before != null) {
      String earlier = checkInput(before, "--diff-against ");
      if (earlier != null) {
        return earlier;
      }
    }
    if (png == null) {
      return null;
    }
    if (Files.isDirectory(png)) {
      return "--png " + png + " is a folder; give a file name in it, such as "
          + png.resolve("heatmap.png");
    }
    Path folder = png.toAbsolutePath().getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      return "--png " + png + ": the folder " + folder + " does not exist; create it first or"
          + " write the image elsewhere";
    }
    return null;
  }

  private static String checkInput(Path path, String option) {
    if (Files.isDirectory(path)) {
      return option + path + " is a folder, not a report; give one file in it";
    }
    if (!Files.isRegularFile(path)) {
      return option + path + ": no such file; check the path";
    }
    if (!Files.isReadable(path)) {
      return option + path + ": the file cannot be read; check its permissions";
    }
    return null;
  }

  private String render(Heatmap after, Map<String, Object> out, PrintWriter err)
      throws IOException {
    if (before == null) {
      if (png != null) {
        HeatmapRenderer.writePng(after, file.getFileName().toString(), png);
      }
      return png == null ? null : png.toString();
    }
    Heatmap earlier;
    try (Reader in = reader(before)) {
      earlier = HeatmapCsvParser.parse(in, ParseOptions.defaults());
    }
    HeatmapDiff diff = HeatmapDiff.between(earlier, after);
    out.put("diff", diff);
    if (!diff.problems().isEmpty()) {
      err.println("noodle: the heatmaps cannot be compared: " + String.join("; ",
          diff.problems()));
      return null;
    }
    if (png != null) {
      HeatmapRenderer.writeDiffPng(diff, before.getFileName() + " -> " + file.getFileName(),
          png);
    }
    return png == null ? null : png.toString();
  }

  /** Text with undecodable bytes replaced, so a binary file reads as nonsense, not an error. */
  private static Reader reader(Path path) throws IOException {
    return new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  private static String head(Path path) throws IOException {
    try (Reader in = reader(path)) {
      char[] buf = new char[ReportKind.HEAD_CHARS];
      int n = 0;
      int r;
      while (n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0) {
        n += r;
      }
      return new String(buf, 0, n);
    }
  }
}
