package org.backprop.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code backprop} command: dispatches to one class per subcommand.
 *
 * <p>picocli reads every option of a subcommand by reflection when the subcommand is added, so a
 * run of one subcommand ({@code backprop train ...}) adds only that one; anything else (no
 * arguments, {@code --help}, {@code help}, a misspelt name) adds them all, so help and error
 * messages list every subcommand.
 */
@Command(name = "backprop", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Build, train, inspect and verify neural networks on tabular data.")
public final class Main extends TopLevelCommand {
    /** A subcommand's name (its {@code @Command} name) and how to make its command object. */
    private record Subcommand(String name, Supplier<Object> command) {
    }

    /** The subcommands, in the order the help lists them. */
    private static final List<Subcommand> SUBCOMMANDS = List.of(new Subcommand("train", TrainCommand::new),
            new Subcommand("predict", PredictCommand::new), new Subcommand("evaluate", EvaluateCommand::new),
            new Subcommand("inspect", InspectCommand::new), new Subcommand("gradcheck", GradcheckCommand::new),
            new Subcommand("demo", DemoCommand::new), new Subcommand("help", CommandLine.HelpCommand::new));

    /** Runs the command and returns its exit code, writing to the given streams. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return CommandRunner.run(commandLine(args), out, err, args);
    }

    public static void main(String[] args) {
        CommandRunner.runAndExit(commandLine(args), args);
    }

    /** The command line for {@code args}: with only the subcommand named first, else with all. */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new Main());
        String first = args.length == 0 || "help".equals(args[0]) ? null : args[0];
        boolean named = SUBCOMMANDS.stream().anyMatch(s -> s.name().equals(first));
        for (Subcommand s : SUBCOMMANDS) {
            if (!named || s.name().equals(first)) {
                cli.addSubcommand(s.name(), s.command().get());
            }
        }
        return cli;
    }
}
