package dev.noodle.common.report;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text line by line with bounded memory, whatever the input: each line is cut to a
 * maximum length (the rest of it is skipped, not buffered) and reading stops after a maximum
 * number of characters. Every report parser reads through this class, so a 100 MB log or a
 * binary file with no newline costs the same memory as a small report.
 *
 * <p>Not thread-safe.
 */
public final class BoundedLineReader {
  /** Default longest line kept, in characters. */
  public static final int MAX_LINE = 4096;
  /** Default most characters read from one input. */
  public static final long MAX_CHARS = 256L * 1024 * 1024;

  private final Reader in;
  private final int maxLine;
  private final long maxChars;
  private final char[] buffer = new char[8192];
  private final StringBuilder line = new StringBuilder();
  private int pos;
  private int len;
  private long read;
  private long lineNumber;
  private boolean clipped;
  private boolean lastClipped;
  private boolean lastTerminated;
  private boolean exhausted;
  private boolean truncated;
  private boolean sawControl;

  public BoundedLineReader(Reader in) {
    this(in, MAX_LINE, MAX_CHARS);
  }

  public BoundedLineReader(Reader in, int maxLine, long maxChars) {
    this.in = in;
    this.maxLine = maxLine;
    this.maxChars = maxChars;
  }

  /**
   * The next line without its line ending, or null at the end of the input or at the character
   * limit. A last line without a newline is returned; a line cut by the limit is not.
   */
  public String next() throws IOException {
    if (exhausted) {
      return null;
    }
    line.setLength(0);
    clipped = false;
    boolean any = false;
    while (true) {
      if (pos == len) {
        len = in.read(buffer);
        pos = 0;
        if (len < 0) {
          exhausted = true;
          len = 0;
          return any ? finish(false) : null;
        }
      }
      char c = buffer[pos++];
      if (++read > maxChars) {
        // A line cut by the limit is dropped: half a line could read as a wrong number.
        truncated = true;
        exhausted = true;
        return null;
      }
      any = true;
      if (c == '\n') {
        return finish(true);
      }
      if (c == 0 || (c < 0x20 && c != '\t' && c != '\r')) {
        sawControl = true;
      }
      if (line.length() < maxLine) {
        line.append(c);
      } else {
        clipped = true;
      }
    }
  }

  private String finish(boolean terminated) {
    lineNumber++;
    lastTerminated = terminated;
    lastClipped = clipped;
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      end--;
    }
    return line.substring(0, end);
  }

  /** One-based number of the line last returned. */
  public long lineNumber() {
    return lineNumber;
  }

  /** True when the line last returned was longer than the limit and was cut. */
  public boolean lastLineClipped() {
    return lastClipped;
  }

  /**
   * True when the line last returned ended with a newline; false for a last line without one,
   * which may have been cut off by whoever wrote the file.
   */
  public boolean lastLineTerminated() {
    return lastTerminated;
  }

  /** True when reading stopped at the character limit before the end of the input. */
  public boolean truncated() {
    return truncated;
  }

  /** True when the input held NUL or other control characters: likely not a text report. */
  public boolean sawControlCharacters() {
    return sawControl;
  }

  /** Characters read so far. */
  public long charsRead() {
    return read;
  }
}
