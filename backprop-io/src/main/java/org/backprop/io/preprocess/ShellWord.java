package org.backprop.io.preprocess;

/**
 * A column name as it must be typed after a flag in a POSIX shell, for the flags that messages
 * suggest ({@code --ignore 'Customer ID'}): as is when it holds only letters, digits and
 * {@code _ . : / + - @ %}, else in single quotes (a single quote inside written {@code '\''}).
 */
public final class ShellWord {
    private ShellWord() {
    }

    /** {@code text} quoted for a shell if it needs to be. */
    public static String of(String text) {
        if (!text.isEmpty() && text.chars().allMatch(ch -> ch < 128 && (Character.isLetterOrDigit(ch)
                || "_.:/+-@%".indexOf(ch) >= 0))) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
