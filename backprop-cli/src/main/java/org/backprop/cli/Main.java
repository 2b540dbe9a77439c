package org.backprop.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code backprop} command: dispatches to one class per subcommand. */
@Command(name = "backprop", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Build, train, inspect and verify neural networks on tabular data.",
        subcommands = {TrainCommand.class, PredictCommand.class, EvaluateCommand.class, InspectCommand.class,
                GradcheckCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Main extends TopLevelCommand {

    /** Runs the command and returns its exit code, writing to the given streams. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return CommandRunner.run(new Main(), out, err, args);
    }

    public static void main(String[] args) {
        CommandRunner.runAndExit(new Main(), args);
    }
}
