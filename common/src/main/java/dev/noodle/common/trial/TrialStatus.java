package dev.noodle.common.trial;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a trial stands. */
public enum TrialStatus {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED;

  @JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean finished() {
    return this == SUCCEEDED || this == FAILED;
  }
}
