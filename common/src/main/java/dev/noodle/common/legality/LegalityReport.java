package dev.noodle.common.legality;

import java.util.List;

/**
 * The Run Legality Report: what a study is allowed to do, and every rule it breaks. A study with
 * any violation starts no trial.
 *
 * @param study study name
 * @param text the report as shown to the user
 * @param violations one sentence per broken rule, each naming the field and the fix
 */
public record LegalityReport(String study, String text, List<String> violations) {
  public LegalityReport {
    violations = List.copyOf(violations);
  }

  public boolean legal() {
    return violations.isEmpty();
  }
}
