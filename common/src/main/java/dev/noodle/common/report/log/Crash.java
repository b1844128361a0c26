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
 * @param markers the crash lines in order ({@code Signal 11 received}, {@code Stack trace:},
 *     {@code Segmentation fault}, ...), at most 10
 * @param lastFrame the number of the last frame, such as 16 for {@code 16# _start in ...}, or
 *     null without frames
 * @param endsInStack true when the log's last line is a stack frame: nothing was printed after
 *     the trace
 */
public record Crash(long line, Integer signal, String text, int frameCount,
    List<String> firstFrames, List<String> markers, Integer lastFrame, boolean endsInStack) {
  public Crash {
    firstFrames = List.copyOf(firstFrames);
    markers = List.copyOf(markers);
  }
}
