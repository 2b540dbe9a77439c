package org.backprop.spark.cli;

import java.io.PrintWriter;

import org.backprop.cli.CommandRunner;
import org.backprop.cli.TopLevelCommand;
import org.backprop.cli.Version;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * Entry point of the {@code backprop-spark} command: {@code backprop-spark train} trains on Apache
 * Spark with the options of {@code backprop train}. Runs with Spark embedded ({@code ./backprop-spark},
 * {@code --master local[*]} by default) or under {@code spark-submit}, which sets the master.
 */
@Command(name = "backprop-spark", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Train backprop networks on Apache Spark; the model file is the one backprop reads.",
        subcommands = {SparkTrainCommand.class, CommandLine.HelpCommand.class})
public final class SparkMain extends TopLevelCommand {

    /** Runs the command and returns its exit code (see {@link org.backprop.cli.ExitCodes}). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return CommandRunner.run(new SparkMain(), out, err, args);
    }

    public static void main(String[] args) {
        CommandRunner.runAndExit(new SparkMain(), args);
    }
}
