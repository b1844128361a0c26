package dev.noodle.common.report.internal;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Passes at most a given number of characters through, then reports the end of the input.
 * Lets a streaming parser that does not read line by line keep the same character limit as
 * the line-based ones.
 *
 * <p>Not thread-safe.
 */
public final class CharLimitReader extends FilterReader {
  private final long maxChars;
  private long read;
  private boolean limited;
  private boolean ended;

  public CharLimitReader(Reader in, long maxChars) {
    super(in);
    this.maxChars = maxChars;
  }

  @Override
  public int read() throws IOException {
    char[] one = new char[1];
    return read(one, 0, 1) < 0 ? -1 : one[0];
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    long left = maxChars - read;
    if (left <= 0) {
      // Only a read past the limit shows that the input was longer than the limit.
      if (!limited && super.read() >= 0) {
        limited = true;
      }
      ended = true;
      return -1;
    }
    int n = super.read(buffer, offset, (int) Math.min(length, left));
    if (n > 0) {
      read += n;
    } else if (n < 0) {
      ended = true;
    }
    return n;
  }

  /** True once a read has reported the end of the input (or of the limit). */
  public boolean ended() {
    return ended;
  }

  /** True when the input went on past the limit. */
  public boolean limited() {
    return limited;
  }

  @Override
  public void close() {
    // The caller owns the underlying reader.
  }
}
