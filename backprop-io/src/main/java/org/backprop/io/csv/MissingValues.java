package org.backprop.io.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The cell texts that mean "no value": an empty cell (or only spaces and tabs), and the tokens
 * {@link #DEFAULT_TOKENS} unless configured otherwise. Tokens are compared exactly (case-sensitive)
 * after stripping surrounding spaces and tabs, quoted or not. {@code None} is not a default token:
 * it is a real category in many tables.
 */
public final class MissingValues {
    /** {@code NA}, {@code N/A}, {@code NaN}, {@code null} and {@code ?}: R, spreadsheets, pandas, Java, UCI. */
    public static final List<String> DEFAULT_TOKENS = List.of("NA", "N/A", "NaN", "null", "?");

    private final List<String> tokens;
    private final byte[][] tokenBytes;

    private MissingValues(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.tokenBytes = this.tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    /** Empty cells and {@link #DEFAULT_TOKENS}. */
    public static MissingValues defaults() {
        return new MissingValues(DEFAULT_TOKENS);
    }

    /**
     * Empty cells and exactly these tokens (an empty list: only empty cells are missing).
     *
     * @throws IllegalArgumentException for a token with surrounding spaces or tabs (it could never match)
     */
    public static MissingValues of(List<String> tokens) {
        for (String t : tokens) {
            if (!StrictNumbers.strip(t).equals(t) || t.isEmpty()) {
                throw new IllegalArgumentException("missing-value token \"" + t
                        + "\" is empty or has surrounding spaces; empty cells are always missing");
            }
        }
        return new MissingValues(tokens);
    }

    /** The tokens besides the empty cell. */
    public List<String> tokens() {
        return tokens;
    }

    /** {@code text} without surrounding spaces and tabs (the only characters ever stripped). */
    public static String strip(String text) {
        return StrictNumbers.strip(text);
    }

    /** True if {@code text} is missing. */
    public boolean isMissing(String text) {
        String s = StrictNumbers.strip(text);
        return s.isEmpty() || tokens.contains(s);
    }

    /** True if the bytes {@code [from, to)}, already stripped of spaces and tabs, are missing. */
    boolean isMissing(byte[] bytes, int from, int to) {
        if (from == to) {
            return true;
        }
        for (byte[] token : tokenBytes) {
            if (token.length == to - from && Arrays.equals(token, 0, token.length, bytes, from, to)) {
                return true;
            }
        }
        return false;
    }
}
