package org.backprop.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A {@link PrintWriter} over a stream (the process's standard output) that remembers why writing
 * failed. A {@code PrintWriter} swallows write errors and only sets a flag; commands call
 * {@link #check} after writing, so that a full disk or {@code /dev/full} is an I/O error (exit 5)
 * naming the reason, not a silent exit 0 with a truncated output.
 */
final class StandardOutput extends PrintWriter {
    private final Recorder recorder;

    private StandardOutput(Recorder recorder, boolean autoFlush) {
        super(new OutputStreamWriter(recorder, StandardCharsets.UTF_8), autoFlush);
        this.recorder = recorder;
    }

    /** A writer over {@code stream}, flushed at every line when {@code autoFlush}. */
    static StandardOutput of(OutputStream stream, boolean autoFlush) {
        return new StandardOutput(new Recorder(stream), autoFlush);
    }

    /**
     * Flushes {@code out} and throws an I/O error (exit 5) if any write to it failed so far.
     *
     * @throws UserError naming the first failure's reason when {@code out} is a
     *                   {@code StandardOutput}, else "write error"
     */
    static void check(PrintWriter out) {
        if (out.checkError()) {
            String why = out instanceof StandardOutput s && s.recorder.failure != null
                    ? s.recorder.failure.getMessage() : "write error";
            throw new UserError(ExitCodes.IO, "cannot write standard output: " + why);
        }
    }

    /**
     * True if {@code e} is {@link #check}'s error for a pipe whose reader exited ({@code backprop
     * predict … | head}): the reader has what it wanted, so the command ends quietly with exit 5, as a
     * Unix filter ends quietly on SIGPIPE. {@code train} adds to that message that it wrote no model,
     * which is then printed.
     */
    static boolean closedByReader(Throwable e) {
        return e instanceof UserError && "cannot write standard output: Broken pipe".equals(e.getMessage());
    }

    /** Passes bytes through and keeps the first exception (rethrowing it, so the writer sets its flag). */
    private static final class Recorder extends FilterOutputStream {
        private IOException failure;

        Recorder(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        private void remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
