package dev.noodle.common.report.heatmap;

import dev.noodle.common.report.ParseOptions;
import dev.noodle.common.report.internal.ProblemList;
import dev.noodle.common.report.internal.TerminatedLines;
import java.io.IOException;
import java.io.Reader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the CSV that OpenROAD's {@code gui::dump_heatmap} writes for its heatmaps (placement
 * density, RUDY, routing congestion, ...): a header {@code x0,y0,x1,y1,value}, in newer
 * versions with the unit ({@code value (%)}), then one row per bin with the box in micrometres
 * and the value. Rows may come in any order, edge bins may be clipped to the die, and the grid
 * need not start at 0,0.
 *
 * <p>Streams the text through a bounded line reader and keeps at most {@link
 * HeatmapOptions#maxBins()} bins. A row that cannot be read (a wrong field count, a field that
 * is not a finite number, an empty box, a second bin at the same corner) is left out and marks
 * the result partial; so does a last line without a line ending, which may be cut in the middle
 * of a number. Only {@link IOException} from the reader is thrown.
 */
public final class HeatmapCsvParser {
  private static final Pattern HEADER = Pattern.compile(
      "^\\s*x0\\s*,\\s*y0\\s*,\\s*x1\\s*,\\s*y1\\s*,\\s*value\\s*(?:\\(([^()]*)\\))?\\s*$");
  private static final Pattern LOOKS_LIKE = Pattern.compile(
      "\\A\\uFEFF?[ \\t]*x0[ \\t]*,[ \\t]*y0[ \\t]*,[ \\t]*x1[ \\t]*,[ \\t]*y1[ \\t]*,[ \\t]*value"
      + "[ \\t]*(?:\\([^()\\r\\n]*\\))?[ \\t]*\\r?(?:\\n|\\z)");
  private static final Pattern NUMBER = Pattern.compile(
      "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d{1,3})?");

  private HeatmapCsvParser() {}

  /** True when {@code head}, the start of a file, begins with a heatmap CSV header. */
  public static boolean looksLike(String head) {
    return head != null && LOOKS_LIKE.matcher(head).find();
  }

  /** Parses a heatmap file with the default thresholds and bin limit. */
  public static Heatmap parse(Reader csv, ParseOptions options) throws IOException {
    return parse(csv, options, HeatmapOptions.defaults());
  }

  /** Parses a heatmap file. */
  public static Heatmap parse(Reader csv, ParseOptions options, HeatmapOptions heatmapOptions)
      throws IOException {
    TerminatedLines in = new TerminatedLines(csv, options.maxChars());
    ProblemList problems = new ProblemList();
    String header = in.next();
    while (header != null && header.isBlank()) {
      header = in.next();
    }
    Matcher h = header == null || in.lastLineClipped() ? null
        : HEADER.matcher(stripBom(header));
    if (h == null || !h.matches()) {
      problems.add(header == null ? "the file has no header line 'x0,y0,x1,y1,value'"
          : "the first line is not the heatmap header 'x0,y0,x1,y1,value': '"
              + excerpt(header) + "'");
      boolean cut = in.truncated() || in.droppedUnterminatedLine();
      return new Heatmap(cut, problems.toList(), null, null, null);
    }
    String unit = h.group(1) == null || h.group(1).isBlank() ? null : h.group(1).strip();
    HeatmapAccumulator bins = new HeatmapAccumulator(heatmapOptions.maxBins(),
        heatmapOptions.thresholdsFor(unit));
    boolean partial = readRows(in, bins, problems);
    return finish(in, bins, unit, partial, problems, heatmapOptions.maxBins());
  }

  /** Reads the rows; true when some were left out. */
  private static boolean readRows(TerminatedLines in, HeatmapAccumulator bins,
      ProblemList problems) throws IOException {
    boolean skipped = false;
    String line;
    while ((line = in.next()) != null) {
      if (line.isBlank()) {
        continue;
      }
      String why = in.lastLineClipped() ? "is longer than the line limit" : addRow(line, bins);
      if (why != null) {
        skipped = true;
        problems.add("line " + in.lineNumber() + " " + why + "; it is left out: '"
            + excerpt(line) + "'");
      }
    }
    return skipped;
  }

  /** Adds one row; the reason it cannot be used, or null. */
  private static String addRow(String line, HeatmapAccumulator bins) {
    String[] fields = line.split(",", -1);
    if (fields.length != 5) {
      return "has " + fields.length + " fields instead of 5";
    }
    double[] v = new double[5];
    for (int i = 0; i < 5; i++) {
      String f = fields[i].strip();
      if (!NUMBER.matcher(f).matches()) {
        return "has a field that is not a number ('" + excerpt(f) + "')";
      }
      v[i] = Double.parseDouble(f);
      if (!Double.isFinite(v[i])) {
        return "has a number out of range ('" + excerpt(f) + "')";
      }
    }
    if (!(v[2] > v[0]) || !(v[3] > v[1])) {
      return "has an empty or inverted box";
    }
    if (!bins.add(new Box(v[0], v[1], v[2], v[3]), v[4])) {
      return "repeats the bin at (" + fields[0].strip() + ", " + fields[1].strip() + ")";
    }
    return null;
  }

  private static Heatmap finish(TerminatedLines in, HeatmapAccumulator bins, String unit,
      boolean partial, ProblemList problems, int maxBins) {
    if (bins.overflowed()) {
      partial = true;
      problems.add("the file has more than " + maxBins + " bins; the grid is left out, the "
          + "statistics cover all " + bins.count() + " bins read");
    }
    if (in.truncated()) {
      partial = true;
      problems.add("the file is longer than the read limit; only its start was read");
    }
    if (in.droppedUnterminatedLine()) {
      partial = true;
      problems.add("the last line has no line ending, so the file may be cut; it was left out");
    }
    if (in.sawControlCharacters()) {
      problems.add("the file holds control characters: it is not a text heatmap");
      return new Heatmap(partial, problems.toList(), unit, null, null);
    }
    if (bins.count() == 0) {
      problems.add("the file has a header but no bin could be read");
      return new Heatmap(partial, problems.toList(), unit, null, null);
    }
    return new Heatmap(partial, problems.toList(), unit, bins.grid(), bins.stats());
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  private static String excerpt(String text) {
    String s = text.strip();
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
