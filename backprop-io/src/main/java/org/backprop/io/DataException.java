package org.backprop.io;

import java.util.ArrayList;
import java.util.List;

/**
 * A problem with the content of a user's data file, located as precisely as possible.
 *
 * <p>The message always starts with the file name and, when known, the 1-based line, the 1-based
 * column number with its header name, then says what is wrong and quotes the offending text.
 * Example: {@code iris.csv, line 17, column 3 "petal_width": not a number; found "abc"}.
 *
 * <p>Unknown parts are reported as {@code 0} (line, column), {@code -1} (byte offset) or
 * {@code null} (column name, text). Build instances with {@link #in(String)}.
 */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_QUOTED_TEXT = 80;

    private final String file;
    private final long line;
    private final int column;
    private final String columnName;
    private final String text;
    private final long byteOffset;
    private final String problem;
    private final List<OptionName> options;

    private DataException(Builder where, String problem, Throwable cause) {
        super(format(where, problem), cause);
        this.options = List.copyOf(where.options);
        this.file = where.file;
        this.line = where.line;
        this.column = where.column;
        this.columnName = where.columnName;
        this.text = where.text;
        this.byteOffset = where.byteOffset;
        this.problem = problem;
    }

    /** {@code written}'s problem with the options it names rendered for {@code audience}. */
    private DataException(DataException written, Audience audience) {
        super(OptionName.render(written.getMessage(), written.options, audience), written.getCause());
        this.file = written.file;
        this.line = written.line;
        this.column = written.column;
        this.columnName = written.columnName;
        this.text = written.text;
        this.byteOffset = written.byteOffset;
        this.problem = OptionName.render(written.problem, written.options, audience);
        this.options = written.options;
        setStackTrace(written.getStackTrace());
    }

    /**
     * This problem told to {@code audience}: the options its message suggests ({@link #getOptions()})
     * named as flags ({@link Audience#COMMAND_LINE}, as written: this exception) or as Java option
     * methods ({@link Audience#JAVA}: a copy, same location and cause).
     */
    public DataException forAudience(Audience audience) {
        return options.isEmpty() || audience == Audience.COMMAND_LINE ? this : new DataException(this, audience);
    }

    /** The options the message suggests, written in their command-line form ({@link #forAudience}). */
    public List<OptionName> getOptions() {
        return options;
    }

    /** Starts describing a problem in {@code file} (a display name, usually the path as given). */
    public static Builder in(String file) {
        return new Builder(file);
    }

    /** The file name as given by the caller. */
    public String getFile() {
        return file;
    }

    /** 1-based line number, or 0 if the problem is not tied to one line. */
    public long getLine() {
        return line;
    }

    /** 1-based column number, or 0 if the problem is not tied to one column. */
    public int getColumn() {
        return column;
    }

    /** Header name of the column, or {@code null} if unknown. */
    public String getColumnName() {
        return columnName;
    }

    /** The offending text exactly as read (cell content, separator, bytes in hex), or {@code null}. */
    public String getText() {
        return text;
    }

    /** 0-based byte offset in the file, or -1 if unknown (set for encoding errors). */
    public long getByteOffset() {
        return byteOffset;
    }

    /** What is wrong, without the location prefix. */
    public String getProblem() {
        return problem;
    }

    private static String format(Builder where, String problem) {
        StringBuilder sb = new StringBuilder(where.file);
        if (where.line > 0) {
            sb.append(", line ").append(where.line);
        }
        if (where.column > 0) {
            sb.append(", column ").append(where.column);
        }
        if (where.columnName != null) {
            sb.append(where.column > 0 ? " \"" : ", column \"").append(where.columnName).append('"');
        }
        if (where.byteOffset >= 0) {
            sb.append(" (byte offset ").append(where.byteOffset).append(')');
        }
        sb.append(": ").append(problem);
        if (where.text != null) {
            sb.append("; found \"").append(visible(where.text)).append('"');
        }
        if (where.hint != null) {
            sb.append(where.text != null ? " " : "; ").append(where.hint);
        }
        return sb.toString();
    }

    /** {@code text} with line breaks, tabs and other control characters spelled out ({@code \x12}). */
    private static String visible(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        String shown = sb.toString();
        return shown.length() <= MAX_QUOTED_TEXT ? shown : shown.substring(0, MAX_QUOTED_TEXT) + "...";
    }

    /** Collects the location of a problem; finish with {@link #problem(String)}. */
    public static final class Builder {
        private final String file;
        private long line;
        private int column;
        private String columnName;
        private String text;
        private long byteOffset = -1;
        private String hint;
        private final List<OptionName> options = new ArrayList<>();

        private Builder(String file) {
            this.file = file;
        }

        /** Sets the 1-based line number. */
        public Builder line(long line) {
            this.line = line;
            return this;
        }

        /** Sets the 1-based column number and its header name (either may be 0 / null). */
        public Builder column(int column, String columnName) {
            this.column = column;
            this.columnName = columnName;
            return this;
        }

        /** Sets the offending text. */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** Adds what to do about it, printed after the offending text. */
        public Builder hint(String hint) {
            this.hint = hint;
            return this;
        }

        /**
         * Notes the options the problem or hint suggests, written there in their command-line form
         * ({@code "… with " + OptionName.DROP_MISSING_TARGET}), so that {@link DataException#forAudience}
         * can name them for a Java caller.
         */
        public Builder naming(OptionName... named) {
            options.addAll(List.of(named));
            return this;
        }

        /** Sets the 0-based byte offset in the file. */
        public Builder byteOffset(long byteOffset) {
            this.byteOffset = byteOffset;
            return this;
        }

        /** Creates the exception describing {@code problem} at the collected location. */
        public DataException problem(String problem) {
            return new DataException(this, problem, null);
        }

        /** Like {@link #problem(String)}, keeping the low-level cause. */
        public DataException problem(String problem, Throwable cause) {
            return new DataException(this, problem, cause);
        }
    }
}
