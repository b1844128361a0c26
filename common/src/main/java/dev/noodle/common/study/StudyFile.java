package dev.noodle.common.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The study file exactly as written, before validation. Field names are the file's keys in
 * snake_case; every key not listed here is rejected.
 */
record StudyFile(
    String name,
    String description,
    String safetyDomain,
    DesignFile design,
    ToolsFile tools,
    Integer trialTimeoutSeconds,
    ContainmentFile containment,
    String runner,
    ContainerFile container,
    List<CustomEcoFile> customEcos,
    List<StageFile> stages) {

  record DesignFile(@JsonProperty("case") String caseName, String top, String liberty, String sdc,
      String netlist, List<String> rtl, SynthesisFile synthesis) {}

  record SynthesisFile(String bufferCell, String bufferInput, String bufferOutput,
      String drivingCell, Double outputLoad) {}

  record ToolsFile(String sta, String yosys, String timeUnit) {}

  record ContainmentFile(Integer maxEcoFailures) {}

  record ContainerFile(String image, Double cpus, Long memoryMb) {}

  record CustomEcoFile(String name, @JsonProperty("class") String ecoClass, String tcl,
      String description, List<ParameterFile> parameters) {}

  record ParameterFile(String name, String type, JsonNode min, JsonNode max, JsonNode choices,
      @JsonProperty("default") JsonNode defaultValue, String description) {}

  record StageFile(String name, Integer trialBudget, Integer survivors, List<String> ecoClasses,
      List<EcoUseFile> ecos, AbortFile abort, String runner, ContainerFile container) {}

  record EcoUseFile(String eco, Map<String, JsonNode> parameters) {}

  record AbortFile(Double maxFailureRate, Integer maxFailures, Boolean requireImprovement) {}
}
