package org.backprop.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;

/**
 * Runs a picocli command the way every backprop command runs: documented exit codes in the help,
 * one-line user errors named after the command ({@link ErrorHandler}), usage errors as exit 2.
 * Shared by {@code backprop} and {@code backprop-spark}.
 */
public final class CommandRunner {
    private CommandRunner() {
    }

    /** Runs {@code command} (a picocli {@code @Command} object) and returns its exit code. */
    public static int run(Object command, PrintWriter out, PrintWriter err, String... args) {
        return run(new CommandLine(command), out, err, args);
    }

    /** Runs {@code cli} (a command line whose subcommands are all added) and returns its exit code. */
    public static int run(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
        addExitCodeFooters(cli);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine c = e.getCommandLine();
            err.println(c.getCommandSpec().root().name() + ": " + e.getMessage() + suggestion(e));
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE;
        });
        String name = cli.getCommandSpec().name();
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            code = ErrorHandler.report(err, name, new UserError(ExitCodes.IO, OutOfMemory.message(e)));
        }
        try {
            StandardOutput.check(out);
        } catch (UserError e) {
            if (code == ExitCodes.OK) {
                code = ErrorHandler.report(err, name, e);
            }
        }
        err.flush();
        return code;
    }

    /**
     * {@code " (did you mean X?)"} for a mistyped subcommand or option picocli finds close ones to
     * ({@code trian} → {@code train}, {@code --epoch} → {@code --epochs}), else empty.
     */
    static String suggestion(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            List<String> s = u.getSuggestions();
            return " (did you mean " + String.join(" or ", s.subList(0, Math.min(3, s.size()))) + "?)";
        }
        return "";
    }

    /**
     * Runs {@code command} on the process's standard streams and exits with its exit code; a failed
     * write to standard output (a full disk, {@code /dev/full}) is exit 5.
     */
    public static void runAndExit(Object command, String... args) {
        runAndExit(new CommandLine(command), args);
    }

    /** As {@link #runAndExit(Object, String...)} for a command line built already. */
    public static void runAndExit(CommandLine cli, String... args) {
        PrintWriter out = StandardOutput.of(new FileOutputStream(FileDescriptor.out), true);
        System.exit(run(cli, out, new PrintWriter(System.err, true), args));
    }

    /** Appends the documented exit codes to the help of the command and every subcommand. */
    private static void addExitCodeFooters(CommandLine cli) {
        CommandLine.Model.UsageMessageSpec usage = cli.getCommandSpec().usageMessage();
        List<String> footer = new ArrayList<>(List.of(usage.footer()));
        footer.addAll(List.of(ExitCodes.FOOTER));
        usage.footer(footer.toArray(String[]::new));
        cli.getSubcommands().values().forEach(CommandRunner::addExitCodeFooters);
    }
}
