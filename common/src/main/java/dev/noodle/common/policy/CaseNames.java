package dev.noodle.common.policy;

/**
 * Case names: the base case keeps its own name, derived ones are
 * {@code <base>_<stage>_<index>}.
 */
public final class CaseNames {
  private CaseNames() {}

  public static String derived(String baseCase, int stage, int index) {
    if (stage < 0 || index < 0) {
      throw new IllegalArgumentException("stage and index must be >= 0: " + stage + ", " + index);
    }
    return baseCase + "_" + stage + "_" + index;
  }
}
