package dev.noodle.common.study;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.noodle.common.eco.EcoCatalog;
import dev.noodle.common.eco.EcoClass;
import dev.noodle.common.eco.EcoDefinition;
import dev.noodle.common.eco.EcoInstance;
import dev.noodle.common.eco.EcoParameter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads and checks a study file. Every problem becomes a {@link StudyException} naming the file,
 * line, field, value and fix; nothing is written anywhere while loading.
 *
 * <p>Relative paths in the file are resolved against the folder that holds it.
 */
public final class StudyLoader {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  private static final int DEFAULT_TIMEOUT_SECONDS = 600;
  private static final int DEFAULT_MAX_ECO_FAILURES = 3;
  private static final double DEFAULT_MAX_FAILURE_RATE = 0.5;
  private static final int MAX_SWEEP = 10_000;

  private static final YAMLMapper MAPPER = YAMLMapper.builder(new YAMLFactory())
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final Path file;
  private final Path baseDir;
  private final YamlLines lines;

  private StudyLoader(Path file, String text) {
    this.file = file;
    Path parent = file.toAbsolutePath().getParent();
    this.baseDir = parent == null ? Path.of("").toAbsolutePath() : parent;
    this.lines = new YamlLines(text);
  }

  /** Reads and validates the study at {@code file}. */
  public static Study load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new StudyException(file, 0, "", "study file not found",
          "check the path; a study is a YAML file such as studies/quickstart/study.yaml");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StudyException(file, 0, "", "cannot read the study file: " + e.getMessage(),
          "check that the file is readable UTF-8 text");
    }
    return new StudyLoader(file, text).parse(text);
  }

  private Study parse(String text) {
    StudyFile raw = readRaw(text);
    String name = required(raw.name(), "name", "add a top-level 'name: my_study'");
    checkName(name, "name");
    SafetyDomain domain = domain(raw.safetyDomain());
    Study.Design design = design(raw.design());
    Study.Tools tools = tools(raw.tools());
    int timeout = raw.trialTimeoutSeconds() == null ? DEFAULT_TIMEOUT_SECONDS
        : raw.trialTimeoutSeconds();
    if (timeout < 1 || timeout > 7 * 24 * 3600) {
      throw error("trial_timeout_seconds", "must be between 1 and 604800, got " + timeout,
          "give the wall-clock limit of one trial in seconds, e.g. 600");
    }
    int maxEcoFailures = DEFAULT_MAX_ECO_FAILURES;
    if (raw.containment() != null && raw.containment().maxEcoFailures() != null) {
      maxEcoFailures = raw.containment().maxEcoFailures();
      if (maxEcoFailures < 1) {
        throw error("containment.max_eco_failures", "must be at least 1, got " + maxEcoFailures,
            "set how many failed trials of one ECO take it out of the study, e.g. 3");
      }
    }
    EcoCatalog catalog = EcoCatalog.builtin().with(customEcos(raw.customEcos()));
    Runner runner = runner(raw.runner(), raw.container(), Runner.LOCAL, "", domain);
    List<Stage> stages = stages(raw.stages(), catalog, domain, runner);
    return new Study(name, file, raw.description() == null ? "" : raw.description(), domain,
        design, tools, Duration.ofSeconds(timeout), new Study.Containment(maxEcoFailures), stages,
        catalog, runner);
  }

  private StudyFile readRaw(String text) {
    if (lines.syntaxError() != null) {
      throw malformed(lines.syntaxError());
    }
    if (lines.isEmpty()) {
      throw new StudyException(file, 0, "", "the study file is empty",
          "see docs/study-file.md for the keys a study needs");
    }
    try {
      StudyFile raw = MAPPER.readValue(text, StudyFile.class);
      if (raw == null) {
        throw new StudyException(file, 0, "", "the study file is empty",
            "see docs/study-file.md for the keys a study needs");
      }
      return raw;
    } catch (UnrecognizedPropertyException e) {
      String field = path(e);
      String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", "));
      // Jackson may report an unknown key of a record only after reading the whole mapping, so
      // its location can be far below the key; the key's own line is exact.
      throw new StudyException(file, lineOf(field, e), field,
          "unknown key '" + e.getPropertyName() + "'",
          "remove it or use one of: " + known);
    } catch (InvalidFormatException e) {
      throw new StudyException(file, lineOf(path(e), e), path(e),
          "value '" + e.getValue() + "' is not a " + typeName(e.getTargetType()),
          "write a " + typeName(e.getTargetType()) + " here");
    } catch (MismatchedInputException e) {
      String field = path(e);
      String expected = typeName(e.getTargetType());
      String found = lines.describe(field);
      throw new StudyException(file, lineOf(field, e), field,
          "wrong type: expected " + expected + ", got "
              + (found != null ? found : firstLine(e.getOriginalMessage())),
          "write a " + expected + " here (see docs/study-file.md)");
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
        throw new StudyException(file, lineOf(path(e), e), path(e),
            "the number " + lines.describe(path(e)) + " is too large",
            "write a number within the range docs/study-file.md gives for this key");
      }
      throw new StudyException(file, lineOf(path(e), e), path(e),
          firstLine(e.getOriginalMessage()), "see docs/study-file.md for the expected shape");
    } catch (JsonProcessingException e) {
      throw new StudyException(file, line(e.getLocation()), "",
          "malformed YAML: " + firstLine(e.getOriginalMessage()),
          "fix the YAML syntax at that line (indentation, a missing ':' or an unclosed quote)");
    }
  }

  private StudyException malformed(MarkedYAMLException e) {
    Mark problemAt = e.getProblemMark();
    Mark contextAt = e.getContextMark();
    // An unclosed quote or bracket is only noticed at the end of the file; the line that opened
    // it is the one to fix.
    boolean unclosed = e.getProblem() != null && e.getProblem().contains("end of stream");
    Mark at = unclosed && contextAt != null ? contextAt : problemAt;
    StringBuilder problem = new StringBuilder("malformed YAML: ")
        .append(e.getProblem() == null ? "syntax error" : e.getProblem());
    if (e.getContext() != null) {
      problem.append(" (").append(e.getContext());
      if (contextAt != null) {
        problem.append(" that starts at line ").append(contextAt.getLine() + 1)
            .append(", column ").append(contextAt.getColumn() + 1);
      }
      problem.append(')');
    }
    return new StudyException(file, at == null ? 0 : at.getLine() + 1, "", problem.toString(),
        "fix the YAML syntax at that line (indentation, a missing ':' or an unclosed quote)");
  }

  /** The line of {@code field} in the file, else where Jackson stopped. */
  private int lineOf(String field, JsonProcessingException e) {
    int exact = lines.exactLineOf(field);
    return exact > 0 ? exact : line(e.getLocation());
  }

  private SafetyDomain domain(String value) {
    if (value == null) {
      return SafetyDomain.GUARDED;
    }
    for (SafetyDomain d : SafetyDomain.values()) {
      if (d.key().equals(value)) {
        return d;
      }
    }
    throw error("safety_domain", "unknown safety domain '" + value + "'",
        "use one of: sandbox, guarded, locked");
  }

  private Study.Design design(StudyFile.DesignFile raw) {
    if (raw == null) {
      throw error("design", "missing", "add a 'design:' section with top, liberty, sdc and "
          + "either netlist or rtl");
    }
    String top = required(raw.top(), "design.top", "name the top module, e.g. 'top: mac_alu'");
    if (!IDENTIFIER.matcher(top).matches()) {
      throw error("design.top", "'" + top + "' is not a Verilog module name",
          "use letters, digits and '_' only");
    }
    String caseName = raw.caseName() == null ? top : raw.caseName();
    if (!IDENTIFIER.matcher(caseName).matches()) {
      throw error("design.case", "'" + caseName + "' is not a valid case name",
          "use letters, digits and '_' only, starting with a letter");
    }
    Path liberty = existingFile(required(raw.liberty(), "design.liberty",
        "give the Liberty file, e.g. /usr/share/qflow/tech/osu018/osu018_stdcells.lib"),
        "design.liberty");
    Path sdc = existingFile(required(raw.sdc(), "design.sdc", "give the SDC constraints file"),
        "design.sdc");
    Path netlist = raw.netlist() == null ? null : existingFile(raw.netlist(), "design.netlist");
    List<Path> rtl = new ArrayList<>();
    List<String> rawRtl = raw.rtl() == null ? List.of() : raw.rtl();
    for (int i = 0; i < rawRtl.size(); i++) {
      rtl.add(existingFile(rawRtl.get(i), "design.rtl[" + i + "]"));
    }
    if (netlist == null && rtl.isEmpty()) {
      throw error("design", "neither 'netlist' nor 'rtl' is given",
          "give a gate-level 'netlist:' file, or 'rtl:' files for Noodle to synthesise");
    }
    return new Study.Design(caseName, top, liberty, sdc, netlist, rtl,
        synthesis(raw.synthesis()));
  }

  private Study.Synthesis synthesis(StudyFile.SynthesisFile raw) {
    Study.Synthesis d = Study.Synthesis.OSU018;
    if (raw == null) {
      return d;
    }
    double load = raw.outputLoad() == null ? d.outputLoad() : raw.outputLoad();
    if (!(load >= 0 && load < 1e6)) {
      throw error("design.synthesis.output_load", "must be a non-negative number, got " + load,
          "give the output load in the library's capacitance unit, e.g. 0.05");
    }
    return new Study.Synthesis(
        cellName(raw.bufferCell(), d.bufferCell(), "design.synthesis.buffer_cell"),
        cellName(raw.bufferInput(), d.bufferInput(), "design.synthesis.buffer_input"),
        cellName(raw.bufferOutput(), d.bufferOutput(), "design.synthesis.buffer_output"),
        cellName(raw.drivingCell(), d.drivingCell(), "design.synthesis.driving_cell"), load);
  }

  private String cellName(String value, String fallback, String field) {
    if (value == null) {
      return fallback;
    }
    if (!IDENTIFIER.matcher(value).matches()) {
      throw error(field, "'" + value + "' is not a library cell or pin name",
          "use the name as the Liberty file spells it (letters, digits, '_')");
    }
    return value;
  }

  private Study.Tools tools(StudyFile.ToolsFile raw) {
    if (raw == null) {
      return new Study.Tools("sta", "yosys", null);
    }
    String unit = raw.timeUnit();
    if (unit != null && !unit.equals("ns") && !unit.equals("ps")) {
      throw error("tools.time_unit", "unknown time unit '" + unit + "'",
          "use 'ns' or 'ps', or leave it out to take the unit the tool prints");
    }
    return new Study.Tools(executable(raw.sta(), "sta", "tools.sta"),
        executable(raw.yosys(), "yosys", "tools.yosys"), unit);
  }

  private String executable(String value, String fallback, String field) {
    if (value == null) {
      return fallback;
    }
    if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
      throw error(field, "'" + value + "' is not a single executable",
          "give the program name or path alone, without arguments");
    }
    // A bare name is looked up on the PATH; a path is taken from the study file's folder.
    return value.contains("/") ? baseDir.resolve(value).normalize().toString() : value;
  }

  private List<EcoDefinition> customEcos(List<StudyFile.CustomEcoFile> raw) {
    List<EcoDefinition> list = new ArrayList<>();
    if (raw == null) {
      return list;
    }
    Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      StudyFile.CustomEcoFile eco = raw.get(i);
      String at = "custom_ecos[" + i + "]";
      String name = required(eco.name(), at + ".name", "give the ECO a name");
      if (!IDENTIFIER.matcher(name).matches()) {
        throw error(at + ".name", "'" + name + "' is not a valid ECO name",
            "use letters, digits and '_' only");
      }
      if (EcoCatalog.builtin().find(name).isPresent() || !seen.add(name)) {
        throw error(at + ".name", "ECO name '" + name + "' is already taken",
            "choose a name not used by a built-in or another custom ECO");
      }
      String classKey = required(eco.ecoClass(), at + ".class",
          "classify it: topology_neutral, placement_local, routing_affecting or "
              + "global_disruptive");
      EcoClass ecoClass = EcoClass.fromKey(classKey);
      if (ecoClass == null) {
        throw error(at + ".class", "unknown ECO class '" + classKey + "'",
            "use topology_neutral, placement_local, routing_affecting or global_disruptive");
      }
      Path tcl = existingFile(required(eco.tcl(), at + ".tcl", "give the Tcl file of the ECO"),
          at + ".tcl");
      String body;
      try {
        body = Files.readString(tcl, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw error(at + ".tcl", "cannot read " + tcl + ": " + e.getMessage(),
            "check that the file is readable");
      }
      List<EcoParameter> params = new ArrayList<>();
      List<StudyFile.ParameterFile> rawParams = eco.parameters() == null ? List.of()
          : eco.parameters();
      for (int j = 0; j < rawParams.size(); j++) {
        params.add(parameter(rawParams.get(j), at + ".parameters[" + j + "]"));
      }
      list.add(new EcoDefinition(name, ecoClass, EcoDefinition.Kind.STA_TCL, params, body,
          eco.description() == null ? "custom ECO from " + tcl.getFileName() : eco.description(),
          tcl.toString()));
    }
    return list;
  }

  private EcoParameter parameter(StudyFile.ParameterFile raw, String at) {
    String name = required(raw.name(), at + ".name", "name the parameter");
    if (!IDENTIFIER.matcher(name).matches()) {
      throw error(at + ".name", "'" + name + "' is not a valid parameter name",
          "use letters, digits and '_' only");
    }
    String type = raw.type() == null ? "int" : raw.type();
    if (!type.equals("int") && !type.equals("float")) {
      throw error(at + ".type", "unknown parameter type '" + type + "'", "use 'int' or 'float'");
    }
    boolean integer = type.equals("int");
    List<BigDecimal> choices = new ArrayList<>();
    if (raw.choices() != null) {
      if (!raw.choices().isArray() || raw.choices().isEmpty()) {
        throw error(at + ".choices", "must be a non-empty list of numbers",
            "write e.g. 'choices: [2, 4]'");
      }
      for (int k = 0; k < raw.choices().size(); k++) {
        choices.add(number(raw.choices().get(k), at + ".choices[" + k + "]"));
      }
      choices.sort(null);
    }
    BigDecimal min = raw.min() != null ? number(raw.min(), at + ".min")
        : choices.isEmpty() ? null : choices.get(0);
    BigDecimal max = raw.max() != null ? number(raw.max(), at + ".max")
        : choices.isEmpty() ? null : choices.get(choices.size() - 1);
    if (min == null || max == null) {
      throw error(at, "parameter '" + name + "' has no range",
          "give 'min' and 'max', or a 'choices' list");
    }
    if (min.compareTo(max) > 0) {
      throw error(at + ".min", "min " + min.toPlainString() + " is above max "
          + max.toPlainString(), "swap them");
    }
    BigDecimal def = raw.defaultValue() == null ? min : number(raw.defaultValue(), at + ".default");
    EcoParameter p = new EcoParameter(name, integer, min, max, choices, def,
        raw.description() == null ? "" : raw.description());
    String problem = p.problemWith(def);
    if (problem != null) {
      throw error(at + ".default", "default " + problem, "choose a default within the range");
    }
    return p;
  }

  /** The runner a study or stage declares, each key left out taken from {@code outer}. */
  private Runner runner(String kindKey, StudyFile.ContainerFile container, Runner outer,
      String at, SafetyDomain domain) {
    String prefix = at.isEmpty() ? "" : at + ".";
    Runner.Kind kind = outer.kind();
    if (kindKey != null) {
      kind = Runner.Kind.fromKey(kindKey);
      if (kind == null) {
        throw error(prefix + "runner", "unknown runner '" + kindKey + "'",
            "use 'local' (tools as processes on the worker) or 'docker' (each trial in a "
                + "container)");
      }
    }
    Runner r = new Runner(kind, outer.image(), outer.cpus(), outer.memoryMb());
    if (container != null) {
      r = new Runner(kind, container.image() != null ? container.image() : r.image(),
          container.cpus() != null ? container.cpus() : r.cpus(),
          container.memoryMb() != null ? container.memoryMb() : r.memoryMb());
    }
    String field = r.docker() && (container == null || container.image() == null)
        ? prefix + "runner" : prefix + "container";
    RunnerRules.check(file, lines.lineOf(field), domain, r, prefix);
    return r;
  }

  private List<Stage> stages(List<StudyFile.StageFile> raw, EcoCatalog catalog,
      SafetyDomain domain, Runner studyRunner) {
    if (raw == null || raw.isEmpty()) {
      throw error("stages", "a study needs at least one stage",
          "add a 'stages:' list; see studies/quickstart/study.yaml");
    }
    List<Stage> stages = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      stages.add(stage(raw.get(i), i, catalog, domain, studyRunner));
    }
    return stages;
  }

  private Stage stage(StudyFile.StageFile raw, int index, EcoCatalog catalog,
      SafetyDomain domain, Runner studyRunner) {
    String at = "stages[" + index + "]";
    String name = raw.name() == null ? "stage" + index : raw.name();
    checkName(name, at + ".name");
    int budget = requiredInt(raw.trialBudget(), at + ".trial_budget",
        "set how many trials the stage may run, e.g. 'trial_budget: 8'");
    if (budget < 1 || budget > 1_000_000) {
      throw error(at + ".trial_budget", "must be between 1 and 1000000, got " + budget,
          "give a positive number of trials");
    }
    int survivors = requiredInt(raw.survivors(), at + ".survivors",
        "set how many cases go on to the next stage, e.g. 'survivors: 3'");
    if (survivors < 1) {
      throw error(at + ".survivors", "must be at least 1, got " + survivors,
          "keep at least one case for the next stage");
    }
    Set<EcoClass> classes;
    if (raw.ecoClasses() == null) {
      classes = domain.allowedClasses();
    } else {
      classes = EnumSet.noneOf(EcoClass.class);
      for (int k = 0; k < raw.ecoClasses().size(); k++) {
        EcoClass c = EcoClass.fromKey(raw.ecoClasses().get(k));
        if (c == null) {
          throw error(at + ".eco_classes[" + k + "]", "unknown ECO class '"
              + raw.ecoClasses().get(k) + "'",
              "use topology_neutral, placement_local, routing_affecting or global_disruptive");
        }
        classes.add(c);
      }
    }
    if (raw.ecos() == null || raw.ecos().isEmpty()) {
      throw error(at + ".ecos", "the stage lists no ECOs",
          "add e.g. '- eco: upsize_critical' under 'ecos:'");
    }
    List<EcoInstance> candidates = new ArrayList<>();
    for (int k = 0; k < raw.ecos().size(); k++) {
      candidates.addAll(sweep(raw.ecos().get(k), at + ".ecos[" + k + "]", catalog));
    }
    return new Stage(index, name, budget, survivors, classes,
        List.copyOf(new java.util.LinkedHashSet<>(candidates)), abort(raw.abort(), at),
        runner(raw.runner(), raw.container(), studyRunner, at, domain));
  }

  private Stage.AbortRules abort(StudyFile.AbortFile raw, String at) {
    if (raw == null) {
      return new Stage.AbortRules(DEFAULT_MAX_FAILURE_RATE, -1, false);
    }
    double rate = raw.maxFailureRate() == null ? DEFAULT_MAX_FAILURE_RATE : raw.maxFailureRate();
    if (!(rate >= 0 && rate <= 1)) {
      throw error(at + ".abort.max_failure_rate", "must be between 0 and 1, got " + rate,
          "give a fraction, e.g. 0.5 to abort when more than half the trials fail");
    }
    int maxFailures = raw.maxFailures() == null ? -1 : raw.maxFailures();
    if (maxFailures < -1) {
      throw error(at + ".abort.max_failures", "must be -1 (no limit) or more, got " + maxFailures,
          "give a count of failed trials, or -1");
    }
    return new Stage.AbortRules(rate, maxFailures,
        raw.requireImprovement() != null && raw.requireImprovement());
  }

  private List<EcoInstance> sweep(StudyFile.EcoUseFile use, String at, EcoCatalog catalog) {
    String name = required(use.eco(), at + ".eco", "name a catalog ECO, e.g. upsize_critical");
    EcoDefinition def = catalog.find(name).orElseThrow(() -> error(at + ".eco",
        "unknown ECO '" + name + "'",
        "use one of: " + catalog.all().stream().map(EcoDefinition::name)
            .collect(Collectors.joining(", ")) + ", or declare it under custom_ecos"));
    Map<String, JsonNode> given = use.parameters() == null ? Map.of() : use.parameters();
    for (String key : given.keySet()) {
      if (def.parameter(key).isEmpty()) {
        throw error(at + ".parameters." + key, "ECO '" + name + "' has no parameter '" + key + "'",
            def.parameters().isEmpty() ? "remove it; this ECO takes no parameters"
                : "use one of: " + def.parameters().stream().map(EcoParameter::name)
                    .collect(Collectors.joining(", ")));
      }
    }
    List<List<BigDecimal>> axes = new ArrayList<>();
    for (EcoParameter p : def.parameters()) {
      String field = at + ".parameters." + p.name();
      JsonNode node = given.get(p.name());
      List<BigDecimal> values = new ArrayList<>();
      if (node == null || node.isNull()) {
        values.add(p.defaultValue());
      } else if (node.isArray()) {
        if (node.isEmpty()) {
          throw error(field, "empty list", "give at least one value or leave the key out");
        }
        for (int k = 0; k < node.size(); k++) {
          values.add(checked(p, number(node.get(k), field + "[" + k + "]"), field + "[" + k + "]",
              name));
        }
      } else {
        values.add(checked(p, number(node, field), field, name));
      }
      axes.add(values);
    }
    List<EcoInstance> out = new ArrayList<>();
    expand(def, axes, 0, new LinkedHashMap<>(), out);
    // A value listed twice would only repeat a trial: the tools are deterministic.
    out = new ArrayList<>(new java.util.LinkedHashSet<>(out));
    if (out.size() > MAX_SWEEP) {
      throw error(at + ".parameters", "the sweep has " + out.size() + " combinations",
          "keep one ECO's sweep under " + MAX_SWEEP + " combinations");
    }
    return out;
  }

  private static void expand(EcoDefinition def, List<List<BigDecimal>> axes, int depth,
      LinkedHashMap<String, BigDecimal> current, List<EcoInstance> out) {
    if (depth == axes.size()) {
      out.add(new EcoInstance(def.name(), current));
      return;
    }
    for (BigDecimal v : axes.get(depth)) {
      current.put(def.parameters().get(depth).name(), v);
      expand(def, axes, depth + 1, current, out);
      if (out.size() > MAX_SWEEP) {
        return;
      }
    }
    current.remove(def.parameters().get(depth).name());
  }

  private BigDecimal checked(EcoParameter p, BigDecimal value, String field, String eco) {
    String problem = p.problemWith(value);
    if (problem != null) {
      throw error(field, "parameter '" + p.name() + "' of ECO '" + eco + "' " + problem,
          "use a value in " + p.rangeText() + " (" + p.description() + ")");
    }
    return value;
  }

  private BigDecimal number(JsonNode node, String field) {
    if (node == null || !node.isNumber()) {
      throw error(field, "'" + (node == null ? "" : node.asText()) + "' is not a number",
          "write a plain number such as 10 or 0.5");
    }
    return node.decimalValue();
  }

  private Path existingFile(String value, String field) {
    if (value.chars().anyMatch(c -> "{}\\\";".indexOf(c) >= 0 || Character.isISOControl(c))) {
      throw error(field, "path '" + value + "' contains a brace, backslash, quote, ';' or a "
          + "control character, which Noodle does not pass to the tools' scripts",
          "rename or move the file so that its path has none of them");
    }
    Path path = baseDir.resolve(value).normalize();
    if (Files.isDirectory(path)) {
      throw error(field, "'" + value + "' is a folder, not a file (" + path + ")",
          "name the file inside it; relative paths start from the study file's folder "
              + baseDir);
    }
    if (!Files.isRegularFile(path)) {
      throw error(field, "file '" + value + "' not found (looked for " + path + ")",
          "fix the path; relative paths start from the study file's folder " + baseDir);
    }
    return path;
  }

  private void checkName(String value, String field) {
    if (!NAME.matcher(value).matches()) {
      throw error(field, "'" + value + "' is not a valid name",
          "start with a letter; use letters, digits, '_' and '-' (at most 64)");
    }
  }

  private String required(String value, String field, String fix) {
    if (value == null) {
      throw error(field, "missing", fix);
    }
    return value;
  }

  private int requiredInt(Integer value, String field, String fix) {
    if (value == null) {
      throw error(field, "missing", fix);
    }
    return value;
  }

  private StudyException error(String field, String problem, String fix) {
    return new StudyException(file, lines.lineOf(field), field, problem, fix);
  }

  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getIndex() >= 0) {
        b.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(ref.getFieldName());
      }
    }
    return b.toString();
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : Math.max(0, location.getLineNr());
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type == Integer.class || type == int.class) {
      return "whole number";
    }
    if (type == Double.class || type == double.class) {
      return "number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true/false";
    }
    if (type == String.class) {
      return "text";
    }
    if (List.class.isAssignableFrom(type)) {
      return "list";
    }
    return "mapping (key: value lines)";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    return message.lines().findFirst().orElse("").strip();
  }
}
