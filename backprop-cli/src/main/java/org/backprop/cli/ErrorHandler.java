package org.backprop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import org.backprop.io.DataException;
import org.backprop.io.model.ModelFormatException;
import org.backprop.io.model.NonFiniteWeightsException;
import org.backprop.io.preprocess.ScalingOverflowException;
import org.backprop.io.safetensors.SafetensorsFormatException;
import org.backprop.train.TrainingDivergedException;

import picocli.CommandLine;

/**
 * Maps exceptions to exit codes: user errors get one clear line and no stack trace; only
 * unexpected errors (bugs) print their stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parse) {
        return report(cli.getErr(), cli.getCommandSpec().root().name(), e);
    }

    /**
     * Prints {@code e} to {@code err} as {@code "<command>: <message>"}, or with its stack trace if
     * it is a bug, and returns its exit code; standard output closed by the reader of a pipe is
     * exit 5 without a message ({@link StandardOutput#closedByReader}).
     */
    static int report(PrintWriter err, String command, Throwable e) {
        int code = exitCode(e);
        if (StandardOutput.closedByReader(e)) {
            return code;
        }
        if (code == ExitCodes.INTERNAL) {
            err.println(command + ": internal error (please report it):");
            e.printStackTrace(err);
        } else {
            err.println(command + ": " + e.getMessage());
        }
        return code;
    }

    static int exitCode(Throwable e) {
        if (e instanceof UserError u) {
            return u.exitCode();
        }
        if (e instanceof DataException || e instanceof ScalingOverflowException) {
            return ExitCodes.DATA;
        }
        if (e instanceof TrainingDivergedException || e instanceof NonFiniteWeightsException) {
            return ExitCodes.DIVERGED;
        }
        if (e instanceof ModelFormatException || e instanceof SafetensorsFormatException) {
            return ExitCodes.MODEL;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return ExitCodes.IO;
        }
        return ExitCodes.INTERNAL;
    }
}
