package dev.noodle.common.report.internal;

import dev.noodle.common.report.BoundedLineReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a report that are known to be whole. Reads through {@link BoundedLineReader} and
 * holds each line back until the next one starts, so that a last line without a line ending,
 * which may be a row cut in the middle of a number, is never handed out; {@link
 * #droppedUnterminatedLine()} then says so. Tool reports always end their last line, so a
 * missing ending means the file was cut.
 *
 * <p>Not thread-safe.
 */
public final class TerminatedLines {
  private final LastCharReader source;
  private final BoundedLineReader lines;
  private String pending;
  private boolean pendingClipped;
  private boolean started;
  private boolean droppedUnterminated;
  private boolean lastClipped;
  private long lineNumber;

  /** Reads {@code in} up to {@code maxChars} characters. */
  public TerminatedLines(Reader in, long maxChars) {
    this.source = new LastCharReader(in);
    this.lines = new BoundedLineReader(source, BoundedLineReader.MAX_LINE, maxChars);
  }

  /** The next whole line, or null at the end of the input or at the character limit. */
  public String next() throws IOException {
    if (!started) {
      started = true;
      pending = lines.next();
      pendingClipped = lines.lastLineClipped();
    }
    if (pending == null) {
      return null;
    }
    String line = pending;
    boolean clipped = pendingClipped;
    pending = lines.next();
    pendingClipped = lines.lastLineClipped();
    if (pending == null && !lines.truncated() && source.last != '\n') {
      droppedUnterminated = true;
      return null;
    }
    lineNumber++;
    lastClipped = clipped;
    return line;
  }

  /** One-based number of the line last returned. */
  public long lineNumber() {
    return lineNumber;
  }

  /** True when the line last returned was longer than the line limit and was cut. */
  public boolean lastLineClipped() {
    return lastClipped;
  }

  /** True when the input ended with a line that had no line ending; that line was left out. */
  public boolean droppedUnterminatedLine() {
    return droppedUnterminated;
  }

  /** True when reading stopped at the character limit before the end of the input. */
  public boolean truncated() {
    return lines.truncated();
  }

  /** Characters read so far. */
  public long charsRead() {
    return lines.charsRead();
  }

  /** True when the input held NUL or other control characters: likely not a text report. */
  public boolean sawControlCharacters() {
    return lines.sawControlCharacters();
  }

  /** Remembers the last character that went through, to see how the input ended. */
  private static final class LastCharReader extends FilterReader {
    private int last = -1;

    LastCharReader(Reader in) {
      super(in);
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        last = buf[off + n - 1];
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        last = c;
      }
      return c;
    }
  }
}
