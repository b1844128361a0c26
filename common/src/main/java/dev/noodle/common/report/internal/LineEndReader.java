package dev.noodle.common.report.internal;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Passes text through and remembers whether it ended with a line end. A report whose last line
 * has no line end may have been cut in the middle of that line, so a number on it may be only
 * the start of the printed number.
 *
 * <p>Not thread-safe.
 */
public final class LineEndReader extends FilterReader {
  private int last = -1;

  public LineEndReader(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      last = c;
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      last = buffer[offset + n - 1];
    }
    return n;
  }

  /** True when at least one character was read and the last one read was not a line end. */
  public boolean endsWithoutLineEnd() {
    return last >= 0 && last != '\n';
  }
}
