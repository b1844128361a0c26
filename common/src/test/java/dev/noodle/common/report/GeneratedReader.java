package dev.noodle.common.report;

import java.io.Reader;
import java.util.function.LongFunction;

/**
 * Text made on the fly: a head, then body lines until a size is reached, then a tail. Never
 * holds more than one line, so tests can feed parsers inputs of hundreds of megabytes.
 */
public final class GeneratedReader extends Reader {
  private final String head;
  private final LongFunction<String> body;
  private final String tail;
  private final long bodyChars;
  private String chunk;
  private int pos;
  private long emittedBody;
  private long index;
  private int phase;

  /** {@code body} gives the body line for an index, line end included. */
  public GeneratedReader(String head, LongFunction<String> body, long bodyChars, String tail) {
    this.head = head;
    this.body = body;
    this.bodyChars = bodyChars;
    this.tail = tail;
    this.chunk = head;
  }

  @Override
  public int read(char[] buffer, int offset, int length) {
    int n = 0;
    while (n < length) {
      if (pos == chunk.length() && !advance()) {
        return n == 0 ? -1 : n;
      }
      int take = Math.min(length - n, chunk.length() - pos);
      chunk.getChars(pos, pos + take, buffer, offset + n);
      pos += take;
      n += take;
    }
    return n;
  }

  private boolean advance() {
    pos = 0;
    if (phase == 0 && emittedBody < bodyChars) {
      chunk = body.apply(index++);
      emittedBody += chunk.length();
      return true;
    }
    if (phase == 0) {
      phase = 1;
      chunk = tail;
      return true;
    }
    chunk = "";
    return false;
  }

  /** Body lines produced so far. */
  public long lines() {
    return index;
  }

  @Override
  public void close() {}
}
