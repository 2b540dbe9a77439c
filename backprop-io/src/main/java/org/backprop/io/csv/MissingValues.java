package org.backprop.io.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The cell texts that mean "no value": an empty cell (or only spaces and tabs), the tokens
 * {@link #DEFAULT_TOKENS} in any column, and the tokens {@link #NUMBER_TOKENS} in a column read for
 * numbers whose other cells are mostly numbers, unless configured otherwise. Tokens are compared
 * exactly (case-sensitive) after stripping surrounding spaces and tabs, quoted or not.
 * {@code None} is missing only among numbers: in a text column it is a real category in many tables.
 */
public final class MissingValues {
    /** {@code NA}, {@code N/A}, {@code NaN}, {@code null} and {@code ?}: R, spreadsheets, pandas, Java, UCI. */
    public static final List<String> DEFAULT_TOKENS = List.of("NA", "N/A", "NaN", "null", "?");
    /**
     * The rest of pandas' default missing-value strings ({@code read_csv}'s {@code na_values}), missing
     * in a column that is otherwise mostly numbers; in a text column they stay text ({@code None} is a
     * level in many tables).
     */
    public static final List<String> NUMBER_TOKENS = List.of("#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN",
            "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "NULL", "None", "n/a", "nan");

    /**
     * The advice to a user whose bad cells mean "missing": {@code --na-values} replaces
     * {@link #DEFAULT_TOKENS}, so the defaults must be listed with the new text.
     */
    public static final String ADD_TOKEN_HINT = "add the text to --na-values (which replaces the default list "
            + String.join(",", DEFAULT_TOKENS) + ": keep those in it)";

    private final List<String> tokens;
    private final List<String> numberTokens;
    private final byte[][] tokenBytes;
    private final byte[][] numberTokenBytes;

    private MissingValues(List<String> tokens, List<String> numberTokens) {
        this.tokens = List.copyOf(tokens);
        this.numberTokens = numberTokens.stream().filter(t -> !tokens.contains(t)).toList();
        this.tokenBytes = bytes(this.tokens);
        this.numberTokenBytes = bytes(this.numberTokens);
    }

    private static byte[][] bytes(List<String> tokens) {
        return tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    /** Empty cells, {@link #DEFAULT_TOKENS}, and {@link #NUMBER_TOKENS} among numbers. */
    public static MissingValues defaults() {
        return new MissingValues(DEFAULT_TOKENS, NUMBER_TOKENS);
    }

    /**
     * Empty cells and exactly these tokens (an empty list: only empty cells are missing), in every
     * column.
     *
     * @throws IllegalArgumentException for a token with surrounding spaces or tabs (it could never match)
     */
    public static MissingValues of(List<String> tokens) {
        return of(tokens, List.of());
    }

    /**
     * Empty cells and {@code tokens} in every column, and {@code numberTokens} in a column otherwise of
     * numbers.
     *
     * @throws IllegalArgumentException for a token with surrounding spaces or tabs (it could never match)
     */
    public static MissingValues of(List<String> tokens, List<String> numberTokens) {
        for (String t : tokens) {
            if (!StrictNumbers.strip(t).equals(t) || t.isEmpty()) {
                throw new IllegalArgumentException("missing-value token \"" + t
                        + "\" is empty or has surrounding spaces; empty cells are always missing");
            }
        }
        return new MissingValues(tokens, numberTokens);
    }

    /** The tokens besides the empty cell that are missing in every column. */
    public List<String> tokens() {
        return tokens;
    }

    /** The tokens that are missing only in a column otherwise of numbers (none of {@link #tokens()}). */
    public List<String> numberTokens() {
        return numberTokens;
    }

    /** {@code text} without surrounding spaces and tabs (the only characters ever stripped). */
    public static String strip(String text) {
        return StrictNumbers.strip(text);
    }

    /** True if {@code text} is missing in any column. */
    public boolean isMissing(String text) {
        String s = StrictNumbers.strip(text);
        return s.isEmpty() || tokens.contains(s);
    }

    /** True if {@code text} is missing in a numeric column: {@link #isMissing(String)} or a number token. */
    public boolean isMissingNumber(String text) {
        return isMissing(text) || numberTokens.contains(StrictNumbers.strip(text));
    }

    /** True if the bytes {@code [from, to)}, already stripped of spaces and tabs, are missing. */
    boolean isMissing(byte[] bytes, int from, int to) {
        return from == to || isOneOf(tokenBytes, bytes, from, to);
    }

    /** True if the bytes {@code [from, to)}, already stripped of spaces and tabs, are a number token. */
    boolean isNumberToken(byte[] bytes, int from, int to) {
        return isOneOf(numberTokenBytes, bytes, from, to);
    }

    private static boolean isOneOf(byte[][] tokens, byte[] bytes, int from, int to) {
        for (byte[] token : tokens) {
            if (token.length == to - from && Arrays.equals(token, 0, token.length, bytes, from, to)) {
                return true;
            }
        }
        return false;
    }
}
