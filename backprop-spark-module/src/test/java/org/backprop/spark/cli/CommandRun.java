package org.backprop.spark.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.backprop.cli.Main;

/** One in-process run of {@code backprop} or {@code backprop-spark}: exit code, standard output and error. */
final class CommandRun {
    final int code;
    final String out;
    final String err;

    private CommandRun(int code, String out, String err) {
        this.code = code;
        this.out = out;
        this.err = err;
    }

    int code() {
        return code;
    }

    String out() {
        return out;
    }

    String err() {
        return err;
    }

    @Override
    public String toString() {
        return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }

    /** Runs {@code backprop args…}. */
    static CommandRun backprop(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** Runs {@code backprop-spark args…}. */
    static CommandRun spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkMain.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /**
     * Runs {@code backprop-spark args…} ({@code onSpark}) or {@code backprop args…} with standard output
     * written to {@code stdout} (e.g. {@code /dev/full}); the run's {@link #out} is empty.
     */
    static CommandRun withStdout(OutputStream stdout, boolean onSpark, String... args) {
        StringWriter err = new StringWriter();
        PrintWriter out = new PrintWriter(stdout, true);
        int code = onSpark ? SparkMain.run(out, new PrintWriter(err), args) : Main.run(out, new PrintWriter(err), args);
        return new CommandRun(code, "", err.toString());
    }

    /** {@code first} followed by {@code more}. */
    static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
