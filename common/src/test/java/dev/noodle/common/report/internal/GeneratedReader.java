package dev.noodle.common.report.internal;

import java.io.Reader;
import java.util.function.LongFunction;

/**
 * A reader over text made piece by piece as it is read, so tests can feed a parser hundreds of
 * megabytes without ever holding them in memory.
 */
public final class GeneratedReader extends Reader {
  private final LongFunction<String> pieces;
  private final long count;
  private long next;
  private String piece = "";
  private int pos;
  private long chars;

  /** Text made of {@code pieces.apply(0)} to {@code pieces.apply(count - 1)} in order. */
  public GeneratedReader(long count, LongFunction<String> pieces) {
    this.count = count;
    this.pieces = pieces;
  }

  @Override
  public int read(char[] buf, int off, int len) {
    int n = 0;
    while (n < len) {
      if (pos == piece.length()) {
        if (next == count) {
          break;
        }
        piece = pieces.apply(next++);
        pos = 0;
        continue;
      }
      int take = Math.min(len - n, piece.length() - pos);
      piece.getChars(pos, pos + take, buf, off + n);
      pos += take;
      n += take;
    }
    chars += n;
    return n == 0 && len > 0 ? -1 : n;
  }

  /** Characters handed out so far. */
  public long chars() {
    return chars;
  }

  @Override
  public void close() {}
}
