package org.backprop.io.preprocess;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.io.DataException;
import org.backprop.io.DoubleTable;
import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.csv.MissingValues;
import org.backprop.layer.EmbeddingSpec;

/**
 * The stored preprocessing of a model: how the raw columns of a CSV row become the network's input
 * columns (before the feature scaler). One {@link ColumnEncoder} per used column, in order; their
 * output columns are concatenated. Immutable and thread-safe.
 *
 * <p>Stored in the model file's metadata under {@value #METADATA_KEY} as JSON:
 * <pre>{@code
 * {"version": 2, "separator": ";", "decimal": ",",
 *  "missing_values": ["NA", "N/A", "NaN", "null", "?"], "missing_in_numbers": ["NULL", "None", "nan"],
 *  "missing_policy": "impute",
 *  "columns": [
 *    {"name": "displ", "type": "numeric", "median": 3.3, "missing_indicator": true, "missing_in_training": 2},
 *    {"name": "class", "type": "categorical", "levels": ["compact", "suv"], "rare_levels": ["2seater"],
 *     "missing_level": false, "missing_in_training": 0, "min_count": 5}],
 *  "ignored": [{"name": "id", "reason": "identifier-like: every value is distinct"}]}
 * }</pre>
 * The inputs are named after their column ({@link #outputNames()}: {@code displ},
 * {@code displ:missing}, {@code class=suv}, {@code class:rare}, {@code class:missing}); a generated
 * name that another input already has gets the suffix {@code ~2} ({@link InputNames}). A numeric
 * column writes its value (a missing cell: {@code median}) and, if {@code missing_indicator}, a
 * second column: 1 if the cell was missing, else 0; a numeric column without {@code median} refuses
 * missing cells. A categorical column writes one column per level (1 for the row's level), then one
 * for the rare levels if any, then one for missing cells if {@code missing_level}; an unknown level
 * (and a missing cell without {@code missing_level}) writes 1 in the rare levels' column, or zeros
 * when there are no rare levels. A cell is missing if, stripped of spaces and tabs, it is empty or
 * one of {@code missing_values}, or, in a numeric column, one of {@code missing_in_numbers} (absent in
 * models written before it: none). {@code separator} and {@code decimal} are the cell separator and the decimal
 * mark of the file the preprocessing was fitted on: {@link #readOptions} reads other files the same
 * way unless told otherwise. Preprocessing version 1 (before 3 December 2026) has no such keys: comma
 * and point. Models of format version 1 have no preprocessing key at all: every feature is numeric
 * and missing cells are errors ({@link #numeric}).
 */
public final class TablePreprocessor {
    /** The metadata key of the stored preprocessing. */
    public static final String METADATA_KEY = "preprocessing";
    private static final int VERSION = 2;
    private static final int OLDEST_VERSION = 1;

    private final List<ColumnEncoder> encoders;
    private final List<ColumnDecision> ignored;
    private final MissingValues missing;
    private final MissingPolicy policy;
    private final char separator;
    private final char decimal;
    private final InputNames inputNames;

    private TablePreprocessor(List<ColumnEncoder> encoders, List<ColumnDecision> ignored, MissingValues missing,
                              MissingPolicy policy, char separator, char decimal) {
        this.encoders = List.copyOf(encoders);
        this.ignored = List.copyOf(ignored);
        this.missing = missing;
        this.policy = policy;
        new ColumnarReadOptions(null, Set.of(), missing, separator, decimal); // checks the pair
        this.separator = separator;
        this.decimal = decimal;
        Set<String> columns = new HashSet<>();
        for (ColumnEncoder e : this.encoders) {
            if (!columns.add(e.column())) {
                throw new IllegalArgumentException("column \"" + e.column() + "\" is encoded twice");
            }
        }
        this.inputNames = InputNames.of(this.encoders);
        if (inputNames.names().isEmpty()) {
            throw new IllegalArgumentException("no input columns");
        }
    }

    /**
     * The preprocessing of these fitted encoders (in input order), ignored columns, missing-value
     * tokens and policy: what {@link #fit} gives, for encoders fitted elsewhere (e.g. on Spark); files
     * separated by commas with a decimal point ({@link #withInputFormat} sets another format).
     *
     * @throws IllegalArgumentException if a column is encoded twice or there is no input column
     */
    public static TablePreprocessor of(List<ColumnEncoder> encoders, List<ColumnDecision> ignored,
                                       MissingValues missing, MissingPolicy policy) {
        return new TablePreprocessor(encoders, ignored, missing, policy, ',', '.');
    }

    /**
     * This preprocessing for files whose cells are separated by {@code separator} and whose numbers
     * are written with the decimal mark {@code decimal} (as {@link ColumnarReadOptions} takes them).
     *
     * @throws IllegalArgumentException for a separator or mark {@link ColumnarReadOptions} refuses
     */
    public TablePreprocessor withInputFormat(char separator, char decimal) {
        return new TablePreprocessor(encoders, ignored, missing, policy, separator, decimal);
    }

    /** Every column numeric, missing cells errors: the preprocessing of a format-version-1 model. */
    public static TablePreprocessor numeric(List<String> columns) {
        return new TablePreprocessor(columns.stream().<ColumnEncoder>map(NumericEncoder::strict).toList(), List.of(),
                MissingValues.of(List.of()), MissingPolicy.ERROR, ',', '.');
    }

    /**
     * Fits the encoders of the non-ignored {@code decisions} on rows {@code rows} of {@code table}; the
     * input format (separator, decimal mark) is the table's. A categorical column whose input would
     * be constant (every level rare) is ignored with the reason ({@link FittedColumns}).
     *
     * @throws DataException with {@link MissingPolicy#ERROR}, if a used column has missing cells
     *                       (the message names the first of each column and counts them all)
     */
    public static TablePreprocessor fit(ColumnarTable table, List<ColumnDecision> decisions, int[] rows,
                                        TableOptions options) {
        return fit(table, decisions, RowSet.of(rows), options);
    }

    /** As {@link #fit(ColumnarTable, List, int[], TableOptions)} on the rows of a {@link RowSet}. */
    public static TablePreprocessor fit(ColumnarTable table, List<ColumnDecision> decisions, RowSet rows,
                                        TableOptions options) {
        FittedColumns fitted = new FittedColumns();
        for (ColumnDecision d : decisions) {
            switch (d.type()) {
                case IGNORED -> fitted.ignore(d);
                case NUMERIC -> fitted.numeric(NumericEncoder.fit(table, d.column(), rows, options.missingPolicy()));
                case CATEGORICAL -> {
                    Map<String, Integer> counts = CategoricalEncoder.levelCounts(table, d.column(), rows);
                    fitted.categorical(d.column(), counts, CategoricalEncoder.missingCount(counts, rows), options);
                }
                default -> throw new IllegalStateException(d.type().toString());
            }
        }
        fitted.requireSomeFeature(table.source());
        TablePreprocessor p = new TablePreprocessor(fitted.encoders(), fitted.ignored(), options.missing(),
                options.missingPolicy(), table.separator(), table.decimal());
        p.check(table);
        return p;
    }

    /** The encoders of the used columns, in input order. */
    public List<ColumnEncoder> encoders() {
        return encoders;
    }

    /** The feature columns not used, with the reason. */
    public List<ColumnDecision> ignored() {
        return ignored;
    }

    /** Which cells are missing. */
    public MissingValues missingValues() {
        return missing;
    }

    /** The cell separator of the training file: {@link #readOptions} reads files with it. */
    public char separator() {
        return separator;
    }

    /** The decimal mark of the training file's numbers: {@link #readOptions} reads files with it. */
    public char decimal() {
        return decimal;
    }

    /** Impute or refuse missing cells. */
    public MissingPolicy missingPolicy() {
        return policy;
    }

    /** The raw columns used, in order. */
    public List<String> columns() {
        return encoders.stream().map(ColumnEncoder::column).toList();
    }

    /**
     * The network's input column names, in order: the encoders' {@link ColumnEncoder#outputNames},
     * a generated name that another input already has suffixed {@code ~2} ({@link InputNames}).
     */
    public List<String> outputNames() {
        return inputNames.names();
    }

    /**
     * The embedded columns as {@link EmbeddingSpec.Column}s of the network's input (index,
     * cardinality, width), in input order; empty if every categorical column is one-hot.
     */
    public List<EmbeddingSpec.Column> embeddings() {
        List<EmbeddingSpec.Column> out = new ArrayList<>();
        int index = 0;
        for (ColumnEncoder e : encoders) {
            if (e instanceof CategoricalEncoder c && c.embeddingDim() > 0) {
                out.add(new EmbeddingSpec.Column(index, c.cardinality(), c.embeddingDim()));
            }
            index += e.outputNames().size();
        }
        return out;
    }

    /** The encoder writing network input {@code input} (0-based, in {@link #outputNames()} order). */
    public ColumnEncoder encoderOf(int input) {
        java.util.Objects.checkIndex(input, width());
        int first = 0;
        for (ColumnEncoder e : encoders) {
            first += e.outputNames().size();
            if (input < first) {
                return e;
            }
        }
        throw new IllegalStateException("input " + input + " has no encoder");
    }

    /** Number of network inputs. */
    public int width() {
        return outputNames().size();
    }

    /**
     * True if every column is numeric, written as is, without imputation, in comma-separated files
     * with a decimal point (a version-1 model: the model file needs no preprocessing key).
     */
    public boolean isPlainNumeric() {
        return ignored.isEmpty() && separator == ',' && decimal == '.'
                && encoders.stream().allMatch(e -> e instanceof NumericEncoder n && n.median() == null);
    }

    /**
     * How to read a CSV file for this preprocessing: its columns (plus {@code alsoKeep}, e.g. the
     * target), categorical ones as text, with its missing-value tokens, separator and decimal mark
     * (the training file's: {@link ColumnarReadOptions#withSeparator} and
     * {@link ColumnarReadOptions#withDecimal} read another format).
     */
    public ColumnarReadOptions readOptions(Collection<String> alsoKeep) {
        Set<String> keep = new LinkedHashSet<>(columns());
        keep.addAll(alsoKeep);
        Set<String> text = new HashSet<>();
        encoders.stream().filter(e -> e.type() == ColumnType.CATEGORICAL).forEach(e -> text.add(e.column()));
        return new ColumnarReadOptions(keep, text, missing, separator, decimal);
    }

    /**
     * Checks every used column of {@code table}: numbers where numeric, no missing cells if they are
     * errors.
     *
     * @throws DataException naming the first bad cell (of each column, for missing cells) and counting them
     */
    public void check(ColumnarTable table) {
        if (policy == MissingPolicy.ERROR) {
            requireNoMissing(table);
        }
        for (ColumnEncoder e : encoders) {
            e.check(table);
        }
    }

    private void requireNoMissing(ColumnarTable table) {
        long total = 0;
        List<String> firsts = new ArrayList<>();
        Column first = null;
        for (ColumnEncoder e : encoders) {
            Column c = table.column(e.column());
            if (c.missingCount() > 0) {
                total += c.missingCount();
                first = first == null ? c : first;
                firsts.add("line " + table.line(c.firstMissingRow()) + ", column " + (c.position() + 1) + " \""
                        + c.name() + "\" (" + c.missingCount() + ")");
            }
        }
        if (first != null) {
            throw table.at(first.firstMissingRow(), first).problem(total == 1 ? "missing value" : "missing value; "
                    + total + " missing cells in all, the first of each column: " + String.join("; ", firsts));
        }
    }

    /** Encodes every row of {@code table} (checked first); warnings are counted in {@code warnings}. */
    public DoubleTable encode(ColumnarTable table, EncodeWarnings warnings) {
        int[] rows = new int[table.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        check(table);
        return encode(table, rows, warnings);
    }

    /** Encodes rows {@code rows} of a table that passed {@link #check}. */
    public DoubleTable encode(ColumnarTable table, int[] rows, EncodeWarnings warnings) {
        int width = width();
        double[] out = new double[Math.multiplyExact(rows.length, width)];
        int offset = 0;
        for (ColumnEncoder e : encoders) {
            e.encode(table, rows, out, width, offset, warnings);
            offset += e.outputNames().size();
        }
        return new DoubleTable(out, rows.length, width, outputNames());
    }

    /**
     * Encodes one row given as column name → cell text (extra keys are ignored). A number may be
     * written with the training file's decimal mark ({@code "80,5"} for a model of a decimal-comma
     * file) or with a point, as Java writes it ({@code "80.5"}).
     *
     * @throws DataException if a column is absent, a numeric cell is not a number, or a missing cell
     *                       is an error for this model
     */
    public double[] encode(Map<String, String> row, EncodeWarnings warnings) {
        double[] out = new double[width()];
        int offset = 0;
        for (ColumnEncoder e : encoders) {
            if (!row.containsKey(e.column())) {
                throw DataException.in("row").column(0, e.column()).problem("no value for this column; the model "
                        + "reads " + columns());
            }
            String cell = row.get(e.column());
            if (decimal != '.' && cell != null && e instanceof NumericEncoder) {
                cell = cell.replace(decimal, '.');
            }
            if (policy == MissingPolicy.ERROR && (cell == null || missing.isMissing(cell))) {
                throw DataException.in("row").column(0, e.column()).text(cell).problem("missing value");
            }
            e.encode("row", cell, missing, out, offset, warnings);
            offset += e.outputNames().size();
        }
        return out;
    }

    /**
     * One line per used column that is not plainly numeric, per ignored column, and per input whose
     * generated name was suffixed to be unique.
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (ColumnEncoder e : encoders) {
            if (!(e instanceof NumericEncoder n) || n.missingInTraining() > 0) {
                lines.add("column \"" + e.column() + "\": " + e.describe());
            }
        }
        for (ColumnDecision d : ignored) {
            lines.add("column \"" + d.column() + "\": " + d.describe());
        }
        lines.addAll(inputNames.describe());
        return lines;
    }

    /** The stored form (see the class comment). */
    public String toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("version", VERSION);
        json.addProperty("separator", String.valueOf(separator));
        json.addProperty("decimal", String.valueOf(decimal));
        json.add("missing_values", Json.array(missing.tokens()));
        json.add("missing_in_numbers", Json.array(missing.numberTokens()));
        json.addProperty("missing_policy", policy.name().toLowerCase(java.util.Locale.ROOT));
        JsonArray columns = new JsonArray();
        encoders.forEach(e -> columns.add(e.toJson()));
        json.add("columns", columns);
        JsonArray skipped = new JsonArray();
        for (ColumnDecision d : ignored) {
            JsonObject o = new JsonObject();
            o.addProperty("name", d.column());
            o.addProperty("reason", d.reason());
            skipped.add(o);
        }
        json.add("ignored", skipped);
        return json.toString();
    }

    /**
     * Reads {@link #toJson()}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static TablePreprocessor fromJson(String text) {
        try {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            int version = Json.count(json, "version");
            if (version < OLDEST_VERSION || version > VERSION) {
                throw new IllegalArgumentException("preprocessing version " + json.get("version")
                        + " is not supported (this backprop reads " + OLDEST_VERSION + " to " + VERSION
                        + "; a newer backprop may have written it)");
            }
            List<ColumnEncoder> encoders = new ArrayList<>();
            for (JsonElement e : Json.required(json, "columns").getAsJsonArray()) {
                JsonObject o = e.getAsJsonObject();
                encoders.add(switch (ColumnType.fromId(Json.string(o, "type"))) {
                    case NUMERIC -> NumericEncoder.fromJson(o);
                    case CATEGORICAL -> CategoricalEncoder.fromJson(o);
                    default -> throw new IllegalArgumentException("column type " + o.get("type") + " cannot be encoded");
                });
            }
            List<ColumnDecision> ignored = new ArrayList<>();
            for (JsonElement e : Json.required(json, "ignored").getAsJsonArray()) {
                JsonObject o = e.getAsJsonObject();
                ignored.add(new ColumnDecision(Json.string(o, "name"), ColumnType.IGNORED, Json.string(o, "reason")));
            }
            MissingPolicy policy = MissingPolicy.valueOf(Json.string(json, "missing_policy")
                    .toUpperCase(java.util.Locale.ROOT));
            char separator = version == 1 ? ',' : character(json, "separator");
            char decimal = version == 1 ? '.' : character(json, "decimal");
            return new TablePreprocessor(encoders, ignored, MissingValues.of(Json.strings(json, "missing_values"),
                    json.has("missing_in_numbers") ? Json.strings(json, "missing_in_numbers") : List.of()),
                    policy, separator, decimal);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid metadata \"" + METADATA_KEY + "\": " + e.getMessage(), e);
        }
    }

    private static char character(JsonObject json, String key) {
        String value = Json.string(json, key);
        if (value.length() != 1) {
            throw new IllegalArgumentException("\"" + key + "\" must be one character, got \"" + value + "\"");
        }
        return value.charAt(0);
    }
}
