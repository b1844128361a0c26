package dev.noodle.coordinator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code noodle} command line. */
@Command(
    name = "noodle",
    mixinStandardHelpOptions = true,
    versionProvider = Noodle.Version.class,
    description = "Runs timing-closure ECO studies with real EDA tools on an Ignite cluster.",
    subcommands = {RunCommand.class, ResumeCommand.class, StudiesCommand.class,
        ValidateCommand.class, EcosCommand.class,
        WorkerCommand.class, CoordinatorCommand.class, NodesCommand.class, StatusCommand.class,
        ArtifactsCommand.class, ParseCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Examples:",
        "  noodle run studies/quickstart/study.yaml --out out",
        "  noodle resume quickstart --out out",
        "  noodle validate studies/quickstart/study.yaml",
        "  noodle ecos",
        "",
        "Exit codes: 0 done, 1 study blocked or aborted, 2 bad input, 3 illegal study,"
            + " 4 internal error."})
public final class Noodle {
  /** Exit code: the study ran but did not complete. */
  static final int NOT_COMPLETED = 1;
  /** Exit code: the study file or a flag is wrong. */
  static final int BAD_INPUT = 2;
  /** Exit code: the study breaks a legality rule. */
  static final int ILLEGAL = 3;
  /** Exit code: Noodle itself failed. */
  static final int INTERNAL = 4;

  /** The version every command prints for {@code -V}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"noodle 0.1.0"};
    }
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code, without exiting. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Noodle());
    cli.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("noodle: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec()
          .qualifiedName() + " --help'.");
      return BAD_INPUT;
    });
    cli.setExecutionExceptionHandler((ex, c, parsed) -> {
      c.getErr().println("noodle: internal error: " + ex);
      ex.printStackTrace(c.getErr());
      return INTERNAL;
    });
    return cli.execute(args);
  }
}
