package dev.noodle.common.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a study has come to trust an ECO from its own trials. */
public enum Prior {
  /** Never failed, and improved timing in at least half of its trials. */
  TRUSTED,
  /** Works sometimes: some failures or few improvements. */
  MIXED,
  /** Fails at least half the time, or was quarantined. */
  SUSPICIOUS,
  /** Too few finished trials to say. */
  UNKNOWN;

  @JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
