package dev.noodle.common.legality;

import dev.noodle.common.eco.EcoClass;
import dev.noodle.common.eco.EcoDefinition;
import dev.noodle.common.eco.EcoInstance;
import dev.noodle.common.study.Stage;
import dev.noodle.common.study.Study;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Decides whether a loaded study may run, before any compute is spent on it. */
public final class LegalityChecker {
  private LegalityChecker() {}

  public static LegalityReport check(Study study) {
    List<String> violations = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    text.append("Run Legality Report\n");
    text.append("  study:          ").append(study.name()).append('\n');
    text.append("  file:           ").append(study.file()).append('\n');
    text.append("  safety domain:  ").append(study.domain().key()).append(" (allows ")
        .append(keys(study.domain().allowedClasses())).append(")\n");
    text.append("  base case:      ").append(study.design().caseName()).append(" (top ")
        .append(study.design().top()).append(", ")
        .append(study.design().netlist() != null ? "netlist given" : "synthesised from RTL")
        .append(")\n");
    text.append("  trial timeout:  ").append(study.trialTimeout().toSeconds()).append(" s\n");
    text.append("  containment:    an ECO is quarantined after ")
        .append(study.containment().maxEcoFailures()).append(" failed trials\n");
    long maxTrials = 1;
    for (Stage stage : study.stages()) {
      maxTrials += stage.trialBudget();
      checkStage(study, stage, violations, text);
    }
    text.append("  total budget:   at most ").append(maxTrials)
        .append(" trials including the base case\n");
    if (violations.isEmpty()) {
      text.append("  verdict:        LEGAL\n");
    } else {
      text.append("  verdict:        ILLEGAL (").append(violations.size())
          .append(violations.size() == 1 ? " violation)\n" : " violations)\n");
      for (String v : violations) {
        text.append("    - ").append(v).append('\n');
      }
    }
    return new LegalityReport(study.name(), text.toString(), violations);
  }

  private static void checkStage(Study study, Stage stage, List<String> violations,
      StringBuilder text) {
    String at = "stages[" + stage.index() + "]";
    Set<String> ecos = new LinkedHashSet<>();
    for (EcoInstance candidate : stage.candidates()) {
      ecos.add(candidate.eco());
    }
    text.append("  stage ").append(stage.index()).append(" '").append(stage.name())
        .append("': budget ").append(stage.trialBudget()).append(", survivors ")
        .append(stage.survivors()).append(", classes ").append(keys(stage.ecoClasses()))
        .append('\n');
    text.append("      ecos: ").append(String.join(", ", ecos)).append(" (")
        .append(stage.candidates().size()).append(" parameter combinations)\n");
    Stage.AbortRules abort = stage.abort();
    text.append("      abort: failure rate > ").append(abort.maxFailureRate())
        .append(abort.maxFailures() >= 0 ? ", failures > " + abort.maxFailures() : "")
        .append(abort.requireImprovement() ? ", no WNS improvement" : "").append('\n');

    for (EcoClass c : stage.ecoClasses()) {
      if (!study.domain().allows(c)) {
        violations.add(at + ".eco_classes: class " + c.key() + " is not allowed in the "
            + study.domain().key() + " domain; remove it or choose a wider safety_domain");
      }
    }
    for (String name : ecos) {
      EcoDefinition def = study.catalog().get(name);
      if (!study.domain().allows(def.ecoClass())) {
        violations.add(at + ".ecos: ECO " + name + " is " + def.ecoClass().key()
            + ", which the " + study.domain().key() + " domain forbids; remove it or use "
            + "safety_domain: " + widest(def.ecoClass()));
      } else if (!stage.ecoClasses().contains(def.ecoClass())) {
        violations.add(at + ".ecos: ECO " + name + " is " + def.ecoClass().key()
            + ", not in the stage's eco_classes; add the class or remove the ECO");
      }
      if (def.kind() == EcoDefinition.Kind.YOSYS_RESYNTH && !study.design().hasRtl()) {
        violations.add(at + ".ecos: ECO " + name + " re-synthesises the RTL but design.rtl is "
            + "empty; list the RTL files under design.rtl or remove the ECO");
      }
    }
    if (stage.survivors() > stage.trialBudget()) {
      violations.add(at + ".survivors: " + stage.survivors() + " survivors from a budget of "
          + stage.trialBudget() + " trials; lower survivors or raise trial_budget");
    }
  }

  private static String widest(EcoClass c) {
    return c == EcoClass.GLOBAL_DISRUPTIVE ? "sandbox"
        : c == EcoClass.TOPOLOGY_NEUTRAL ? "locked" : "guarded";
  }

  private static String keys(Set<EcoClass> classes) {
    return classes.stream().sorted().map(EcoClass::key).collect(Collectors.joining(", "));
  }
}
