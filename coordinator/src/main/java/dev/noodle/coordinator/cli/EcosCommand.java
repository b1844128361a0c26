package dev.noodle.coordinator.cli;

import dev.noodle.common.eco.EcoCatalog;
import dev.noodle.common.eco.EcoDefinition;
import dev.noodle.common.eco.EcoParameter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code noodle ecos}: lists the built-in ECO catalog. */
@Command(
    name = "ecos",
    mixinStandardHelpOptions = true,
    versionProvider = Noodle.Version.class,
    description = "List the built-in ECOs with their class and parameters.",
    footer = {"", "Example:", "  noodle ecos"})
final class EcosCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (EcoDefinition d : EcoCatalog.builtin().all()) {
      out.printf("%s  [%s]%n    %s%n", d.name(), d.ecoClass().key(), d.description());
      for (EcoParameter p : d.parameters()) {
        out.printf("    %-16s %s, default %s: %s%n", p.name(), p.rangeText(),
            p.render(p.defaultValue()), p.description());
      }
    }
    out.flush();
    return 0;
  }
}
