package dev.noodle.common.trial;

/** Where a trial stands. */
public enum TrialStatus {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED;

  public boolean finished() {
    return this == SUCCEEDED || this == FAILED;
  }
}
