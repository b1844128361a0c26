package dev.noodle.common.report.timing;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** Passes characters through and remembers whether the last one read was a line feed. */
final class EndTrackingReader extends FilterReader {
  private int last = -1;

  EndTrackingReader(Reader in) {
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
  public int read(char[] buffer, int off, int len) throws IOException {
    int n = super.read(buffer, off, len);
    if (n > 0) {
      last = buffer[off + n - 1];
    }
    return n;
  }

  /** True when the input read so far is empty or ends with a line feed. */
  boolean endsWithNewline() {
    return last == -1 || last == '\n';
  }
}
