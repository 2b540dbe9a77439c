package org.backprop.cli;

import picocli.CommandLine;

/** A command whose work is all in its subcommands: run on its own, it is a usage error listing them. */
public abstract class TopLevelCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public final void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: one of "
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()));
    }
}
