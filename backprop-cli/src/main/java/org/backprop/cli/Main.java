package org.backprop.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code backprop} command: dispatches to one class per subcommand. */
@Command(name = "backprop", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Build, train, inspect and verify neural networks on tabular data.",
        subcommands = {TrainCommand.class, PredictCommand.class, EvaluateCommand.class, InspectCommand.class,
                GradcheckCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /** Runs the command and returns its exit code, writing to the given streams. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        addExitCodeFooters(cli);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("backprop: " + e.getMessage());
            CommandLine c = e.getCommandLine();
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Appends the documented exit codes to the help of the command and every subcommand. */
    private static void addExitCodeFooters(CommandLine cli) {
        CommandLine.Model.UsageMessageSpec usage = cli.getCommandSpec().usageMessage();
        java.util.List<String> footer = new java.util.ArrayList<>(java.util.List.of(usage.footer()));
        footer.addAll(java.util.List.of(ExitCodes.FOOTER));
        usage.footer(footer.toArray(String[]::new));
        cli.getSubcommands().values().forEach(Main::addExitCodeFooters);
    }

    public static void main(String[] args) {
        int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(code);
    }
}
