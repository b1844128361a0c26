package dev.noodle.common.report.log;

import java.util.List;

/**
 * The first crash a log shows.
 *
 * @param line one-based line of the first crash line
 * @param signal the signal number when printed ({@code Signal 11 received}), else null
 * @param text the crash line
 * @param frameCount numbered frames after {@code Stack trace:}
 * @param firstFrames the first frames, without their numbers
 */
public record Crash(long line, Integer signal, String text, int frameCount,
    List<String> firstFrames) {
  public Crash {
    firstFrames = List.copyOf(firstFrames);
  }
}
