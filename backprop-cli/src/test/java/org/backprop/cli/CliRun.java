package org.backprop.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command: exit code, standard output and standard error. */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code backprop args…} through {@link Main#run}. */
    static CliRun of(Object... args) {
        String[] text = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = String.valueOf(args[i]);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), text);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
