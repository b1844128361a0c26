package dev.noodle.common.report.timing;

import java.io.Reader;

/**
 * Produces {@code head}, then {@code body} {@code repeats} times, then {@code tail}, holding
 * nothing but those three strings: a report of any length at constant memory.
 */
final class RepeatingReader extends Reader {
  private final String head;
  private final String body;
  private final String tail;
  private final long repeats;
  /** Pieces started so far: 0 is the head, 1 to repeats the bodies, repeats + 1 the tail. */
  private long piece;
  private String current;
  private int pos;

  RepeatingReader(String head, String body, long repeats, String tail) {
    this.head = head;
    this.body = body;
    this.tail = tail;
    this.repeats = repeats;
    this.current = head;
  }

  /** Characters this reader produces in all. */
  long length() {
    return head.length() + body.length() * repeats + tail.length();
  }

  @Override
  public int read(char[] buffer, int off, int len) {
    while (pos == current.length()) {
      if (piece > repeats) {
        return -1;
      }
      piece++;
      current = piece <= repeats ? body : tail;
      pos = 0;
    }
    int n = Math.min(len, current.length() - pos);
    current.getChars(pos, pos + n, buffer, off);
    pos += n;
    return n;
  }

  @Override
  public void close() {}
}
