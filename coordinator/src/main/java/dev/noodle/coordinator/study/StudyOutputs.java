package dev.noodle.coordinator.study;

import dev.noodle.common.json.Json;
import dev.noodle.common.policy.EcoLeaderboard;
import dev.noodle.common.policy.EcoStanding;
import dev.noodle.common.trial.TrialResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a study's result files: {@code summary.json}, {@code summary.md},
 * {@code leaderboard.json}, {@code leaderboard.csv} and {@code lineage.dot}. Each file is written
 * to a temporary name and moved into place, so a reader never sees half a file.
 */
final class StudyOutputs {
  private StudyOutputs() {}

  static void write(Path dir, StudySummary summary, List<TrialResult> all, EcoLeaderboard board)
      throws IOException {
    put(dir.resolve("summary.json"), Json.write(summary));
    put(dir.resolve("summary.md"), markdown(summary, board));
    Map<String, Object> leaderboard = new java.util.LinkedHashMap<>();
    leaderboard.put("schema", 1);
    leaderboard.put("ecos", board.rows());
    put(dir.resolve("leaderboard.json"), Json.write(leaderboard));
    put(dir.resolve("leaderboard.csv"), board.toCsv());
    put(dir.resolve("lineage.dot"), lineage(summary, all));
  }

  private static void put(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The case DAG: base at the top, an edge per ECO, survivors and the best case marked. */
  static String lineage(StudySummary summary, List<TrialResult> all) {
    Set<String> survivors = new HashSet<>();
    summary.stages().forEach(s -> survivors.addAll(s.survivorCases()));
    String best = summary.best() == null ? null : summary.best().caseName();
    StringBuilder dot = new StringBuilder();
    dot.append("digraph lineage {\n  rankdir=TB;\n  node [shape=box, fontname=\"Helvetica\"];\n");
    for (TrialResult r : all) {
      String label = r.caseName() + "\\n" + (r.succeeded()
          ? String.format(Locale.ROOT, "WNS %.1f ps", r.metrics().wnsPs())
          : "FAILED " + r.failure().type().key());
      String style = !r.succeeded() ? ", style=dashed, color=red"
          : r.caseName().equals(best) ? ", style=\"bold,filled\", fillcolor=palegreen"
          : survivors.contains(r.caseName()) ? ", style=bold" : "";
      dot.append("  \"").append(r.caseName()).append("\" [label=\"").append(label).append('"')
          .append(style).append("];\n");
    }
    for (TrialResult r : all) {
      if (r.parentCase() != null) {
        dot.append("  \"").append(r.parentCase()).append("\" -> \"").append(r.caseName())
            .append("\" [label=\"").append(r.eco().label()).append("\"];\n");
      }
    }
    return dot.append("}\n").toString();
  }

  private static String markdown(StudySummary s, EcoLeaderboard board) {
    StringBuilder md = new StringBuilder();
    md.append("# Study ").append(s.study()).append("\n\n");
    md.append("- status: **").append(s.status()).append("**");
    if (s.reason() != null) {
      md.append(" (").append(s.reason()).append(')');
    }
    md.append('\n');
    md.append("- safety domain: ").append(s.safetyDomain()).append('\n');
    if (s.snapshot() != null) {
      md.append("- snapshot: `").append(s.snapshot().sha256()).append("`\n");
    }
    md.append(String.format(Locale.ROOT, "- trials: %d (%d succeeded, %d failed) in %.1f s%n",
        s.trials().total(), s.trials().succeeded(), s.trials().failed(), s.wallSeconds()));
    if (s.base() != null) {
      md.append("- base case: ").append(caseText(s.base())).append('\n');
    }
    if (s.best() != null) {
      md.append("- best case: ").append(caseText(s.best())).append("\n  - ECO chain: ")
          .append(s.best().chain().isEmpty() ? "none" : String.join(" → ", s.best().chain()))
          .append('\n');
    }
    if (s.blockedBy() != null) {
      md.append("\n## Why the study is blocked\n\n").append(s.blockedBy().type().key())
          .append(": ").append(s.blockedBy().reason()).append("\n\n```\n")
          .append(s.blockedBy().excerpt()).append("\n```\n");
    }
    md.append("\n## Stages\n\n| stage | name | trials | failed | best case | best WNS (ps) "
        + "| survivors |\n|---|---|---|---|---|---|---|\n");
    for (StudySummary.StageSummary st : s.stages()) {
      md.append("| ").append(st.index()).append(" | ").append(st.name()).append(" | ")
          .append(st.trials()).append(" | ").append(st.failed()).append(" | ")
          .append(st.bestCase() == null ? "-" : st.bestCase()).append(" | ")
          .append(st.bestWnsPs() == null ? "-" : fmt(st.bestWnsPs())).append(" | ")
          .append(String.join(", ", st.survivorCases())).append(" |\n");
    }
    md.append("\n## ECO leaderboard\n\n| ECO | class | trials | failed | improved | best gain "
        + "(ps) | mean gain (ps) | prior |\n|---|---|---|---|---|---|---|---|\n");
    for (EcoStanding e : board.rows()) {
      md.append("| ").append(e.eco()).append(" | ").append(e.ecoClass()).append(" | ")
          .append(e.trials()).append(" | ").append(e.failed()).append(" | ")
          .append(e.improved()).append(" | ")
          .append(e.bestGainPs() == null ? "-" : fmt(e.bestGainPs())).append(" | ")
          .append(e.meanGainPs() == null ? "-" : fmt(e.meanGainPs())).append(" | ")
          .append(e.prior().key()).append(e.quarantined() ? " (quarantined)" : "")
          .append(" |\n");
    }
    md.append("\n## Trials\n\n| case | parent | ECO | status | WNS (ps) | TNS (ps) | violating "
        + "| area (um²) |\n|---|---|---|---|---|---|---|---|\n");
    for (StudySummary.CaseLine c : s.cases()) {
      md.append("| ").append(c.caseName()).append(" | ")
          .append(c.parent() == null ? "-" : c.parent()).append(" | `").append(c.eco())
          .append("` | ").append(c.status().equals("succeeded") ? "ok"
              : c.failureType() + ": " + c.failureReason().replace("|", "\\|"))
          .append(" | ").append(c.wnsPs() == null ? "-" : fmt(c.wnsPs())).append(" | ")
          .append(c.tnsPs() == null ? "-" : fmt(c.tnsPs())).append(" | ")
          .append(c.violatingEndpoints() == null ? "-" : c.violatingEndpoints()).append(" | ")
          .append(c.areaUm2() == null ? "-" : fmt(c.areaUm2())).append(" |\n");
    }
    md.append("\nThe case graph is in `lineage.dot` (render it with `dot -Tsvg lineage.dot`).\n");
    return md.toString();
  }

  private static String caseText(StudySummary.CaseLine c) {
    if (c.wnsPs() == null) {
      return c.caseName() + " failed (" + c.failureType() + ")";
    }
    return String.format(Locale.ROOT, "%s — WNS %s ps, TNS %s ps, %d violating endpoints",
        c.caseName(), fmt(c.wnsPs()), fmt(c.tnsPs()), c.violatingEndpoints());
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
