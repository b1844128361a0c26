package dev.noodle.coordinator.study;

import dev.noodle.common.json.Json;
import dev.noodle.common.trial.TrialResult;
import dev.noodle.worker.TrialStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.ignite.Ignite;

/**
 * The live picture of a running study, published to the {@value TrialStore#STUDIES} cache so
 * {@code noodle status} can show it from any machine. Updated on every result, written at most
 * twice a second and always at stage boundaries. Not thread-safe: the study's driver owns it.
 */
final class StudyState {
  private static final long MIN_WRITE_NANOS = 500_000_000L;

  private final Ignite ignite;
  private final String study;
  private String startedAt = Instant.now().toString();
  private final List<Map<String, Object>> stages = new ArrayList<>();
  private final Map<String, Map<String, Integer>> perNode = new TreeMap<>();
  private String status = "running";
  private String bestCase;
  private Double bestWnsPs;
  private long lastWrite;

  StudyState(Ignite ignite, String study) {
    this.ignite = ignite;
    this.study = study;
  }

  /** When the study first started: a resumed study keeps its original start. */
  void started(String at) {
    startedAt = at;
  }

  void stage(int index, String name, int planned) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("index", index);
    s.put("name", name);
    s.put("planned", planned);
    s.put("done", 0);
    s.put("failed", 0);
    s.put("best_case", null);
    s.put("best_wns_ps", null);
    stages.add(s);
    write(true);
  }

  void result(TrialResult r) {
    Map<String, Object> s = stages.get(stages.size() - 1);
    s.merge("done", 1, (a, b) -> (Integer) a + (Integer) b);
    Map<String, Integer> node = perNode.computeIfAbsent(r.node(), k -> new TreeMap<>());
    node.merge("done", 1, Integer::sum);
    if (!r.succeeded()) {
      s.merge("failed", 1, (a, b) -> (Integer) a + (Integer) b);
      node.merge("failed", 1, Integer::sum);
    } else {
      double wns = r.metrics().wnsPs();
      Object best = s.get("best_wns_ps");
      if (best == null || wns > (Double) best) {
        s.put("best_wns_ps", wns);
        s.put("best_case", r.caseName());
      }
      if (bestWnsPs == null || wns > bestWnsPs) {
        bestWnsPs = wns;
        bestCase = r.caseName();
      }
    }
    write(false);
  }

  void finish(String finalStatus) {
    status = finalStatus;
    write(true);
  }

  private void write(boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastWrite < MIN_WRITE_NANOS) {
      return;
    }
    lastWrite = now;
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schema", 1);
    doc.put("study", study);
    doc.put("status", status);
    doc.put("started_at", startedAt);
    doc.put("driver", ignite.cluster().localNode().id().toString());
    doc.put("updated_at", Instant.now().toString());
    doc.put("best_case", bestCase);
    doc.put("best_wns_ps", bestWnsPs);
    doc.put("stages", stages);
    doc.put("nodes", perNode);
    new TrialStore(ignite).putStudy(study, Json.write(doc));
  }
}
