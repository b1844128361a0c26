package dev.noodle.common.study;

import java.nio.file.Path;

/**
 * A study file that cannot be run as written. The message names the file, the line when known,
 * the field, the offending value and how to fix it, so it can be shown to the user as is.
 */
public final class StudyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Path file;
  private final String field;
  private final int line;

  public StudyException(Path file, int line, String field, String problem, String fix) {
    super(format(file, line, field, problem, fix));
    this.file = file;
    this.field = field;
    this.line = line;
  }

  private static String format(Path file, int line, String field, String problem, String fix) {
    StringBuilder text = new StringBuilder();
    text.append(file == null ? "<study>" : file.toString());
    if (line > 0) {
      text.append(':').append(line);
    }
    if (field != null && !field.isEmpty()) {
      text.append(": field '").append(field).append('\'');
    }
    text.append(": ").append(problem);
    if (fix != null && !fix.isEmpty()) {
      text.append("\n  fix: ").append(fix);
    }
    return text.toString();
  }

  public Path file() {
    return file;
  }

  /** Dotted path of the field, e.g. {@code stages[1].ecos[0].parameters.paths}; may be empty. */
  public String field() {
    return field;
  }

  /** One-based line in the study file, or 0 when unknown. */
  public int line() {
    return line;
  }
}
