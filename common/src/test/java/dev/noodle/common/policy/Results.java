package dev.noodle.common.policy;

import dev.noodle.common.eco.EcoCatalog;
import dev.noodle.common.eco.EcoInstance;
import dev.noodle.common.trial.Failure;
import dev.noodle.common.trial.FailureType;
import dev.noodle.common.trial.Metrics;
import dev.noodle.common.trial.TrialResult;
import dev.noodle.common.trial.TrialStatus;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Trial results for policy tests; only the fields the policies read carry meaning. */
final class Results {
  private Results() {}

  static TrialResult succeeded(String caseName, String parent, int stage, int index,
      List<EcoInstance> chain, double wnsPs, double tnsPs, double worstSlackPs) {
    Metrics metrics = new Metrics(wnsPs, tnsPs, worstSlackPs, wnsPs < 0 ? 1 : 0, null, "1ns");
    return result(caseName, parent, stage, index, chain, TrialStatus.SUCCEEDED, metrics, null);
  }

  static TrialResult succeeded(String caseName, String parent, int stage, int index,
      EcoInstance eco, double wnsPs) {
    return succeeded(caseName, parent, stage, index, List.of(eco), wnsPs, wnsPs * 10, wnsPs);
  }

  static TrialResult failed(String caseName, String parent, int stage, int index,
      EcoInstance eco, FailureType type) {
    return result(caseName, parent, stage, index, List.of(eco), TrialStatus.FAILED, null,
        Failure.of(type, "failed for the test", ""));
  }

  static TrialResult base(String caseName, double wnsPs) {
    return succeeded(caseName, null, -1, 0, List.of(
        EcoCatalog.noopInstance()), wnsPs, wnsPs * 10, wnsPs);
  }

  static EcoInstance eco(String name, long... values) {
    Map<String, BigDecimal> params = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      params.put("p" + i, BigDecimal.valueOf(values[i]));
    }
    return new EcoInstance(name, params);
  }

  private static TrialResult result(String caseName, String parent, int stage, int index,
      List<EcoInstance> chain, TrialStatus status, Metrics metrics, Failure failure) {
    return new TrialResult("s1", caseName, parent, stage, index, chain, status, metrics, failure,
        "node-1", "host-1", 1, "/work/" + caseName, "2024-01-01T00:00:00Z",
        "2024-01-01T00:01:00Z", 60_000, 50_000, List.of(), "abc123", null);
  }
}
