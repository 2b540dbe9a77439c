package org.backprop.io;

import java.io.Serializable;
import java.util.List;
import org.backprop.io.preprocess.ShellWord;

/**
 * An option a message suggests, named both ways: as {@code backprop train}'s flag with its value
 * ({@link #commandLine()}, e.g. {@code --ignore id}) and as the Java call of the same option
 * ({@link #java()}, e.g. {@code TabularOptions.withIgnore("id")}). A message is written with the
 * command-line form (its {@code toString()}) and lists the options it names
 * ({@link DataException.Builder#naming}); {@link #render} rewrites it for another {@link Audience}.
 * The {@code backprop} command shows messages as written; {@code Tabular} and {@code TabularModel}
 * show their Java form ({@link DataException#forAudience}).
 *
 * @param commandLine the flag as typed on the command line, with its value if any
 * @param java        the Java equivalent, a call a program can write
 */
public record OptionName(String commandLine, String java) implements Serializable {
    /** Leave out rows whose target is missing. */
    public static final OptionName DROP_MISSING_TARGET = new OptionName("--drop-missing-target",
            "TabularOptions.withDropMissingTarget(true)");
    /** A model file is read with --model, in Java with {@code TabularModel.load}. */
    public static final OptionName MODEL = new OptionName("--model", "TabularModel.load(file)");

    /** Read a file separated by {@code separator} ({@code ,} {@code ;} tab or {@code |}). */
    public static OptionName separator(char separator) {
        return new OptionName("--separator '" + (separator == '\t' ? "tab" : Character.toString(separator)) + "'",
                "TabularOptions.withSeparator('" + (separator == '\t' ? "\\t" : Character.toString(separator)) + "')");
    }

    /** Train a {@code task} model whatever the target looks like. */
    public static OptionName task(org.backprop.io.model.Task task) {
        return new OptionName("--task " + task.id(), "TabularOptions.withTask(Task." + task.name() + ")");
    }

    /** Do not use {@code column}. */
    public static OptionName ignore(String column) {
        return new OptionName("--ignore " + ShellWord.of(column),
                "TabularOptions.withIgnore(" + javaString(column) + ")");
    }

    private static String javaString(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** This option as {@code audience} writes it. */
    public String in(Audience audience) {
        return audience == Audience.JAVA ? java : commandLine;
    }

    /**
     * {@code text}, written with the command-line form of {@code options}, with each of them in
     * {@code audience}'s form instead.
     */
    public static String render(String text, List<OptionName> options, Audience audience) {
        String out = text;
        for (OptionName o : options) {
            out = out.replace(o.commandLine, o.in(audience));
        }
        return out;
    }

    /** The command-line form, as messages are written. */
    @Override
    public String toString() {
        return commandLine;
    }
}
