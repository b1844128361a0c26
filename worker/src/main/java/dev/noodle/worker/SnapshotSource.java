package dev.noodle.worker;

import dev.noodle.common.trial.TrialSpec;
import java.io.IOException;
import java.nio.file.Path;

/** Where a worker finds the snapshot of a trial on its own disk. */
@FunctionalInterface
public interface SnapshotSource {
  /**
   * A local folder holding exactly the trial's snapshot files, verified against their hashes.
   *
   * @throws IOException when the snapshot cannot be had (then the trial fails as infrastructure)
   */
  Path resolve(TrialSpec spec) throws IOException;

  /** Uses the folder named in the spec as is: for runs where that folder is on this machine. */
  static SnapshotSource local() {
    return spec -> Path.of(spec.snapshotDir());
  }
}
