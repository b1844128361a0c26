package dev.noodle.common.report.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Problems found while reading one report, kept in order up to a limit so that a file with a
 * million bad lines does not make a million messages; the rest are counted and summed up in one
 * closing line.
 *
 * <p>Not thread-safe.
 */
public final class ProblemList {
  /** Default most messages kept. */
  public static final int MAX_KEPT = 20;

  private final int maxKept;
  private final List<String> kept = new ArrayList<>();
  private long dropped;

  public ProblemList() {
    this(MAX_KEPT);
  }

  public ProblemList(int maxKept) {
    this.maxKept = maxKept;
  }

  public void add(String problem) {
    if (kept.size() < maxKept) {
      kept.add(problem);
    } else {
      dropped++;
    }
  }

  public boolean isEmpty() {
    return kept.isEmpty();
  }

  /** The messages kept, then one line counting those left out, if any. */
  public List<String> toList() {
    List<String> all = new ArrayList<>(kept);
    if (dropped > 0) {
      all.add(dropped + " more problem" + (dropped == 1 ? "" : "s") + " of the same kinds");
    }
    return List.copyOf(all);
  }
}
