package dev.noodle.common.report.internal;

/**
 * A set of pairs of longs with a fixed most size, stored in two flat arrays (open addressing),
 * so a million keys cost about 32 MB instead of the several hundred a set of boxed keys would.
 * Used to count distinct gcells and bins without keeping an object per row.
 *
 * <p>Not thread-safe.
 */
public final class LongPairSet {
  private final int capacity;
  private long[] firsts;
  private long[] seconds;
  private boolean[] used;
  private int size;

  /** A set that refuses keys beyond {@code capacity} distinct pairs. */
  public LongPairSet(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    allocate(16);
  }

  /** Outcome of {@link #add}. */
  public enum Added { NEW, PRESENT, FULL }

  /** Adds the pair unless present; {@link Added#FULL} when it is new and the set is full. */
  public Added add(long first, long second) {
    int slot = find(first, second);
    if (used[slot]) {
      return Added.PRESENT;
    }
    if (size == capacity) {
      return Added.FULL;
    }
    used[slot] = true;
    firsts[slot] = first;
    seconds[slot] = second;
    size++;
    if (size * 2L > used.length) {
      grow();
    }
    return Added.NEW;
  }

  /** Distinct pairs held. */
  public int size() {
    return size;
  }

  private int find(long first, long second) {
    int mask = used.length - 1;
    int slot = mix(first, second) & mask;
    while (used[slot] && (firsts[slot] != first || seconds[slot] != second)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static int mix(long first, long second) {
    long h = first * 0x9E3779B97F4A7C15L + second;
    h ^= h >>> 31;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 29));
  }

  private void grow() {
    long[] oldFirsts = firsts;
    long[] oldSeconds = seconds;
    boolean[] oldUsed = used;
    allocate(oldUsed.length * 2);
    for (int i = 0; i < oldUsed.length; i++) {
      if (oldUsed[i]) {
        int slot = find(oldFirsts[i], oldSeconds[i]);
        used[slot] = true;
        firsts[slot] = oldFirsts[i];
        seconds[slot] = oldSeconds[i];
      }
    }
  }

  private void allocate(int slots) {
    firsts = new long[slots];
    seconds = new long[slots];
    used = new boolean[slots];
  }
}
