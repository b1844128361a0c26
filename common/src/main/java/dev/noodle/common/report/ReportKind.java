package dev.noodle.common.report;

import dev.noodle.common.report.congestion.CongestionReportParser;
import dev.noodle.common.report.drv.DrvReportParser;
import dev.noodle.common.report.heatmap.HeatmapCsvParser;
import dev.noodle.common.report.log.ToolLogParser;
import dev.noodle.common.report.orfs.OrfsMetricsParser;
import dev.noodle.common.report.power.PowerReportParser;
import dev.noodle.common.report.timing.SlackSummaryParser;
import dev.noodle.common.report.timing.TimingReportParser;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The kinds of report Noodle reads, each with its parser and a test on the first part of a file
 * that recognises it. Detection tries the kinds in declaration order: the most specific first,
 * the tool log last.
 */
public enum ReportKind {
  METRICS(OrfsMetricsParser::looksLike) {
    @Override
    public ParsedReport parse(Reader in, ParseOptions options) throws IOException {
      return OrfsMetricsParser.parse(in, options);
    }
  },
  HEATMAP(HeatmapCsvParser::looksLike) {
    @Override
    public ParsedReport parse(Reader in, ParseOptions options) throws IOException {
      return HeatmapCsvParser.parse(in, options);
    }
  },
  CONGESTION(CongestionReportParser::looksLike) {
    @Override
    public ParsedReport parse(Reader in, ParseOptions options) throws IOException {
      return CongestionReportParser.parse(in, options, null);
    }
  },
  TIMING(TimingReportParser::looksLike) {
    @Override
    public ParsedReport parse(Reader in, ParseOptions options) throws IOException {
      return TimingReportParser.parse(in, options);
    }
  },
  DRV(DrvReportParser::looksLike) {
    @Override
    public ParsedReport parse(Reader in, ParseOptions options) throws IOException {
      return DrvReportParser.parse(in, options);
    }
  },
  POWER(PowerReportParser::looksLike) {
    @Override
    public ParsedReport parse(Reader in, ParseOptions options) throws IOException {
      return PowerReportParser.parse(in, options);
    }
  },
  WNS_TNS(SlackSummaryParser::looksLike) {
    @Override
    public ParsedReport parse(Reader in, ParseOptions options) throws IOException {
      return SlackSummaryParser.parse(in, options);
    }
  },
  LOG(ToolLogParser::looksLike) {
    @Override
    public ParsedReport parse(Reader in, ParseOptions options) throws IOException {
      return ToolLogParser.parse(in, options);
    }
  };

  /** How much of a file detection looks at. */
  public static final int HEAD_CHARS = 64 * 1024;

  private final Predicate<String> recognises;

  ReportKind(Predicate<String> recognises) {
    this.recognises = recognises;
  }

  /** Reads a report of this kind; never throws for bad content, only for a failing reader. */
  public abstract ParsedReport parse(Reader in, ParseOptions options) throws IOException;

  /** The command-line and JSON spelling, e.g. {@code wns_tns}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ReportKind> fromKey(String key) {
    if ("orfs_metrics".equals(key)) {
      return Optional.of(METRICS);
    }
    for (ReportKind k : values()) {
      if (k.key().equals(key)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /**
   * The first kind that recognises {@code head} (the start of a file), if any. A file with both
   * timing paths and design-rule checks is taken for what it shows first.
   */
  public static Optional<ReportKind> detect(String head) {
    for (ReportKind k : values()) {
      if (k.recognises.test(head)) {
        if (k == TIMING && DRV.recognises.test(head)
            && firstIndex(DRV_MARK, head) < firstIndex(PATH_MARK, head)) {
          return Optional.of(DRV);
        }
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  private static final java.util.regex.Pattern DRV_MARK = java.util.regex.Pattern.compile(
      "(?m)^\\s*(max slew|max capacitance|max fanout|max_transition|max_capacitance"
          + "|max_fanout)\\b");
  private static final java.util.regex.Pattern PATH_MARK = java.util.regex.Pattern.compile(
      "(?m)^\\s*Startpoint:");

  private static int firstIndex(java.util.regex.Pattern p, String text) {
    java.util.regex.Matcher m = p.matcher(text);
    return m.find() ? m.start() : Integer.MAX_VALUE;
  }
}
