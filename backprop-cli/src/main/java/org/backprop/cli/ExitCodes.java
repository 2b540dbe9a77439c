package org.backprop.cli;

/**
 * The documented exit codes of the {@code backprop} command.
 * <ul>
 *   <li>0: success</li>
 *   <li>2: usage error (unknown option, missing or invalid argument)</li>
 *   <li>3: data error (the input file is malformed; the message names file, line, column and text)</li>
 *   <li>4: training diverged (NaN or infinite loss or weight, sustained loss growth, a weight beyond the bound; nothing was saved)</li>
 *   <li>5: I/O error (a file could not be read or written, standard output failed, out of memory)</li>
 *   <li>6: model error (a model file is invalid or does not fit the data)</li>
 *   <li>7: {@code backprop gradcheck} ran and the gradients did not pass the check</li>
 *   <li>1: an unexpected internal error (a bug: please report it with the stack trace)</li>
 * </ul>
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int DATA = 3;
    public static final int DIVERGED = 4;
    public static final int IO = 5;
    public static final int MODEL = 6;
    public static final int GRADCHECK_FAILED = 7;

    /** The exit codes as help-footer lines, shared by every command. */
    static final String[] FOOTER = {"", "Exit codes: 0 ok, 2 usage error, 3 data error, 4 training diverged,",
            "5 I/O error, 6 model error, 7 gradient check failed (gradcheck), 1 internal error."};

    private ExitCodes() {
    }
}
