package dev.noodle.coordinator.study;

import dev.noodle.common.trial.TrialResult;
import java.io.PrintStream;
import java.util.Locale;

/**
 * What the user sees while a study runs: one line per finished stage and, on a terminal, one
 * progress line rewritten in place. Per-trial lines only when verbose.
 */
public final class Progress {
  private final PrintStream out;
  private final boolean live;
  private final boolean verbose;
  private String label = "";
  private int total;
  private int done;
  private int failed;
  private Double bestWnsPs;
  private boolean lineOpen;

  /**
   * @param out where to print
   * @param live rewrite a progress line in place (for a terminal)
   * @param verbose print a line per finished trial
   */
  public Progress(PrintStream out, boolean live, boolean verbose) {
    this.out = out;
    this.live = live;
    this.verbose = verbose;
  }

  synchronized void begin(String label, int total) {
    this.label = label;
    this.total = total;
    this.done = 0;
    this.failed = 0;
    render();
  }

  synchronized void trial(TrialResult r) {
    done++;
    if (!r.succeeded()) {
      failed++;
    } else if (bestWnsPs == null || r.metrics().wnsPs() > bestWnsPs) {
      bestWnsPs = r.metrics().wnsPs();
    }
    if (verbose) {
      clear();
      out.println("  " + r.caseName() + "  " + r.eco().label() + "  " + (r.succeeded()
          ? String.format(Locale.ROOT, "WNS %.1f ps, TNS %.1f ps", r.metrics().wnsPs(),
              r.metrics().tnsPs())
          : "FAILED " + r.failure().type().key() + ": " + r.failure().reason()));
    }
    render();
  }

  synchronized void line(String text) {
    clear();
    out.println(text);
  }

  private void render() {
    if (!live) {
      return;
    }
    String best = bestWnsPs == null ? "n/a" : String.format(Locale.ROOT, "%.1f ps", bestWnsPs);
    out.print("\r\033[K" + label + "  " + done + "/" + total + " done, " + failed
        + " failed, best WNS " + best);
    out.flush();
    lineOpen = true;
  }

  private void clear() {
    if (lineOpen) {
      out.print("\r\033[K");
      lineOpen = false;
    }
  }
}
