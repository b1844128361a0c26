package dev.noodle.coordinator.study;

import dev.noodle.common.json.Json;
import dev.noodle.common.study.Snapshot;
import dev.noodle.common.study.Study;
import dev.noodle.worker.TrialStore;
import java.util.Optional;
import org.apache.ignite.Ignite;

/**
 * What a study needs to be driven from any machine that reaches the cluster: the study as
 * loaded, the frozen snapshot (its files are in the cluster's blob cache), and the choices of
 * the run that started it. Stored when a study starts; {@code noodle resume} reads it back.
 *
 * @param schema version of this layout; fields are only ever added
 * @param study the study, already checked
 * @param snapshot the base snapshot
 * @param reuse whether trials may take recorded results of identical inputs
 * @param startedAt ISO-8601 time the study first started
 */
public record StudyDefinition(int schema, Study study, Snapshot snapshot, boolean reuse,
    String startedAt) {

  /** Key suffix of a study's definition in the studies cache. */
  static final String SUFFIX = "#definition";

  void store(Ignite ignite) {
    new TrialStore(ignite).putStudy(study.name() + SUFFIX, Json.write(this));
  }

  /** The stored definition of {@code name}, if the cluster has one. */
  public static Optional<StudyDefinition> load(Ignite ignite, String name) {
    return new TrialStore(ignite).study(name + SUFFIX)
        .map(j -> Json.read(j, StudyDefinition.class));
  }
}
