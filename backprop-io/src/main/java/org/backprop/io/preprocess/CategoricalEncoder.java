package org.backprop.io.preprocess;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.csv.MissingValues;

/**
 * A categorical column, one-hot encoded with the levels of the training rows: one input column
 * {@code <name>=<level>} per level seen at least {@code minCount} times (levels are compared
 * exactly as written: case, quotes removed by CSV, inner and trailing spaces kept; only a whole
 * number not seen as written matches the level that writes the same number otherwise, so
 * {@code 3.0} finds {@code 3} and {@code 3} finds {@code 3.0}, as files written by R and by pandas
 * differ: {@link #wholeNumberDigits}), one
 * {@code <name>:rare} column shared by the rarer levels, and {@code <name>:missing} if the training
 * rows had missing cells. A level not seen in training, or a missing cell when training had none,
 * goes to the {@code :rare} column when there is one (as scikit-learn's
 * {@code OneHotEncoder(handle_unknown="infrequent_if_exist")}: a value the training rows never had
 * is treated like the values too rare to learn from, an input the network was trained on), else
 * gives all zeros; either way it is counted in {@link EncodeWarnings}, never an error. A column
 * whose every level is rare and that has no missing level is one constant input ({@link #isConstant}):
 * training ignores it ({@link FittedColumns}).
 *
 * @param column            the header name
 * @param levels            levels with their own column, in output order (sorted)
 * @param rareLevels        training levels merged into the {@code :rare} column (sorted)
 * @param missingLevel      true if missing cells have their own column
 * @param missingInTraining missing cells in the training rows
 * @param minCount          the minimum count for a level of its own, when fitted
 * @param embeddingDim      0: one-hot; else the column is one input {@code <name>:code} holding a
 *                          category code for a trainable embedding of this width: 0 for rare, unseen
 *                          (counted in the warnings) and, without a missing level, missing cells;
 *                          1 … k for the levels in order; k + 1 for missing cells if {@code missingLevel}
 */
public record CategoricalEncoder(String column, List<String> levels, List<String> rareLevels, boolean missingLevel,
                                 int missingInTraining, int minCount, int embeddingDim) implements ColumnEncoder {
    /** The default minimum number of training rows for a level to get a column of its own. */
    public static final int DEFAULT_MIN_COUNT = 5;
    /** Categorical columns with more levels than this are embedded instead of one-hot encoded. */
    public static final int EMBED_ABOVE_LEVELS = 10;
    private static final int UNSEEN = -1;

    /** Copies the lists and checks that no level is listed twice. */
    public CategoricalEncoder {
        if (embeddingDim < 0) {
            throw new IllegalArgumentException("column \"" + column + "\": embedding width " + embeddingDim);
        }
        levels = List.copyOf(levels);
        rareLevels = List.copyOf(rareLevels);
        HashSet<String> seen = new HashSet<>();
        for (String level : levels) {
            require(seen.add(level), column, level);
        }
        for (String level : rareLevels) {
            require(seen.add(level), column, level);
        }
    }

    private static void require(boolean ok, String column, String level) {
        if (!ok) {
            throw new IllegalArgumentException("column \"" + column + "\": level \"" + level + "\" is listed twice");
        }
    }

    /**
     * The levels of {@code rows} of {@code table}'s column (which must hold text), as written, with
     * their number of rows (every count positive; missing cells are not counted).
     */
    static Map<String, Integer> levelCounts(ColumnarTable table, String name, RowSet rows) {
        Column c = table.column(name);
        int[] counts = new int[c.levelCount()];
        for (java.util.PrimitiveIterator.OfInt it = rows.iterator(); it.hasNext(); ) {
            int code = c.code(it.nextInt());
            if (code != Column.MISSING) {
                counts[code]++;
            }
        }
        TreeMap<String, Integer> byLevel = new TreeMap<>();
        for (int code = 0; code < counts.length; code++) {
            if (counts[code] > 0) {
                byLevel.put(c.level(code), counts[code]);
            }
        }
        return byLevel;
    }

    /** The missing cells among {@code rows}: those not counted in {@code levelCounts}. */
    static int missingCount(Map<String, Integer> levelCounts, RowSet rows) {
        return rows.size() - levelCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The encoder of a column whose training rows hold the levels {@code counts} (level as written →
     * rows, every count positive) and {@code missing} missing cells: what {@link #fit} gives for
     * those rows, e.g. from counts summed over Spark partitions.
     */
    public static CategoricalEncoder fromCounts(String name, Map<String, Integer> counts, int missing, int minCount,
                                                MissingPolicy policy, boolean embed) {
        TreeMap<String, Integer> byLevel = new TreeMap<>(counts);
        List<String> kept = new ArrayList<>();
        List<String> rare = new ArrayList<>();
        byLevel.forEach((level, n) -> (n >= minCount ? kept : rare).add(level));
        boolean missingLevel = missing > 0 && policy == MissingPolicy.IMPUTE;
        int dim = embed || kept.size() > EMBED_ABOVE_LEVELS ? embeddingDim(kept.size() + 1 + (missingLevel ? 1 : 0)) : 0;
        return new CategoricalEncoder(name, kept, rare, missingLevel, missing, minCount, dim);
    }

    /**
     * The width of a column's embedding: fast.ai's rule min(600, round(1.6 · categories^0.56)),
     * capped at 50 (2 categories: 2; 12: 6; 100: 21; 1000: 77 → 50).
     */
    public static int embeddingDim(int categories) {
        return (int) Math.max(1, Math.min(50, Math.round(1.6 * Math.pow(categories, 0.56))));
    }

    /**
     * True if every training row gives this column the same input: every level is rare and missing
     * cells have no level of their own (one-hot, the {@code :rare} column is 1 in every row;
     * embedded, every row has code 0). Such an input teaches the model nothing, and the rows of
     * another value at prediction time get the same input anyway.
     */
    public boolean isConstant() {
        return levels.isEmpty() && !missingLevel;
    }

    /**
     * Why training ignores this column when it {@link #isConstant is constant}, saying what keeps it:
     * for dates, numbers derived from them; else the --min-level-count that gives the levels of
     * {@code mostRows} rows (the most common level's) an input of their own.
     */
    String constantReason(int mostRows) {
        String why = "every level is rare (" + levelCount(rareLevels.size()) + ", each in fewer than " + minCount
                + " training rows), so as one constant input it would teach the model nothing";
        String dates = datesAdvice();
        if (dates != null) {
            return why + "; " + dates;
        }
        return why + "; --min-level-count " + mostRows + " would keep it, giving the levels of " + mostRows
                + (mostRows == 1 ? " row or more" : " rows or more") + " an input of their own";
    }

    /** Number of category codes (embedding rows) when embedded: other, the levels, missing. */
    public int cardinality() {
        return 1 + levels.size() + (missingLevel ? 1 : 0);
    }

    @Override
    public ColumnType type() {
        return ColumnType.CATEGORICAL;
    }

    @Override
    public List<String> outputNames() {
        if (embeddingDim > 0) {
            return List.of(column + ":code");
        }
        List<String> names = new ArrayList<>();
        levels.forEach(l -> names.add(column + "=" + l));
        if (!rareLevels.isEmpty()) {
            names.add(column + ":rare");
        }
        if (missingLevel) {
            names.add(column + ":missing");
        }
        return names;
    }

    private Map<String, Integer> slots() {
        Map<String, Integer> slots = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            slots.put(levels.get(i), i);
        }
        for (String level : rareLevels) {
            slots.put(level, levels.size());
        }
        return slots;
    }

    /**
     * The slots of the levels that are whole numbers, by {@link #wholeNumberDigits}: "3" for the
     * level "3.0"; a number written two ways among the levels (both "3" and "3.0") is left out.
     */
    private Map<String, Integer> slotsOfWholeNumbers(Map<String, Integer> slots) {
        Map<String, Integer> byDigits = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        slots.forEach((level, slot) -> {
            String digits = wholeNumberDigits(level);
            if (digits != null && byDigits.putIfAbsent(digits, slot) != null) {
                ambiguous.add(digits);
            }
        });
        ambiguous.forEach(byDigits::remove);
        return byDigits;
    }

    /**
     * The slot of {@code level}: its own, else, for a whole number written otherwise than any level
     * ("3.0" against "3", or "3" against "3.0"), the slot of the level that is the same number; else
     * {@link #UNSEEN}.
     */
    private static int slotOf(String level, Map<String, Integer> slots, Map<String, Integer> wholeNumbers) {
        Integer slot = slots.get(level);
        if (slot != null) {
            return slot;
        }
        String digits = wholeNumberDigits(level);
        return digits == null ? UNSEEN : wholeNumbers.getOrDefault(digits, UNSEEN);
    }

    private static final Pattern DECIMAL = Pattern.compile("[+-]?((0|[1-9]\\d*)(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * The digits of a whole number written in decimal, with or without a fraction or an exponent
     * ("3" for "3", "3.0", "3.00", "+3", "3e0"; "-12" for "-12.0"); null for any other text (not
     * a number, a fraction such as "2.5", beyond 10^15, with spaces, or with a leading zero such as
     * "07", which a code may mean as written).
     */
    static String wholeNumberDigits(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return null;
        }
        double v = Double.parseDouble(text);
        if (v != Math.rint(v) || Math.abs(v) >= 1e15) {
            return null;
        }
        return Long.toString((long) v);
    }

    private int missingSlot() {
        if (embeddingDim > 0) {
            return missingLevel ? levels.size() + 1 : UNSEEN;
        }
        return missingLevel ? levels.size() + (rareLevels.isEmpty() ? 0 : 1) : UNSEEN;
    }

    /**
     * Writes slot {@code slot} (a one-hot position, or a level index when embedded) at {@code at}; an
     * {@link #UNSEEN} value goes where the rare levels go, or, one-hot without rare levels, nowhere
     * (all zeros).
     */
    private void write(int slot, double[] out, int at) {
        if (embeddingDim > 0) {
            // slots: levels 0 … k−1 → codes 1 … k; rare (k) and unseen → 0; missing (k + 1) → k + 1
            out[at] = slot == UNSEEN || slot == levels.size() ? 0 : slot == levels.size() + 1 ? slot : slot + 1;
        } else if (slot != UNSEEN) {
            out[at + slot] = 1;
        } else if (!rareLevels.isEmpty()) {
            out[at + levels.size()] = 1;
        }
    }

    @Override
    public void check(ColumnarTable table) {
        table.column(column);
    }

    @Override
    public void encode(ColumnarTable table, int[] rows, int from, int to, double[] out, int start, int width,
                       int offset, EncodeWarnings warnings) {
        encode(table, slotsOfCodes(table), rows, from, to, out, start, width, offset, warnings);
    }

    /**
     * Where each text code of this column of {@code table} goes: a level's slot, the rare slot, or
     * none (a level not seen in training). Depends on the table only, so a caller encoding many
     * blocks of its rows computes it once ({@link #encode(ColumnarTable, int[], int[], int, int,
     * double[], int, int, int, EncodeWarnings)}).
     */
    public int[] slotsOfCodes(ColumnarTable table) {
        Column c = table.column(column);
        Map<String, Integer> slots = slots();
        Map<String, Integer> wholeNumbers = slotsOfWholeNumbers(slots);
        int[] slotOfCode = new int[c.levelCount()];
        for (int code = 0; code < slotOfCode.length; code++) {
            slotOfCode[code] = slotOf(c.level(code), slots, wholeNumbers);
        }
        return slotOfCode;
    }

    /**
     * As {@link #encode(ColumnarTable, int[], int, int, double[], int, int, int, EncodeWarnings)}, with
     * {@code slotOfCode} = {@link #slotsOfCodes}{@code (table)} computed once by the caller.
     */
    public void encode(ColumnarTable table, int[] slotOfCode, int[] rows, int from, int to, double[] out, int start,
                       int width, int offset, EncodeWarnings warnings) {
        Column c = table.column(column);
        for (int i = from; i < to; i++) {
            int code = c.code(rows[i]);
            int slot = code == Column.MISSING ? missing(warnings) : slotOfCode[code];
            if (slot == UNSEEN && code != Column.MISSING) {
                warnings.count(column, "a level not seen in training, encoded as " + unseenAs(), c.level(code));
            }
            write(slot, out, start + (i - from) * width + offset);
        }
    }

    /** What an unseen level (or an unexpected missing cell) becomes, for the warnings. */
    private String unseenAs() {
        if (embeddingDim > 0) {
            return "code 0, the rare levels' embedding";
        }
        return rareLevels.isEmpty() ? "all zeros (the column has no rare levels)"
                : "the rare levels' input " + column + ":rare";
    }

    private int missing(EncodeWarnings warnings) {
        int slot = missingSlot();
        if (slot == UNSEEN) {
            warnings.count(column, "a missing value (none in training), encoded as " + unseenAs(), null);
        }
        return slot;
    }

    @Override
    public void encode(String source, String cell, MissingValues missing, double[] out, int offset,
                       EncodeWarnings warnings) {
        int slot;
        if (cell == null || missing.isMissing(cell)) {
            slot = missing(warnings);
        } else {
            Map<String, Integer> slots = slots();
            Integer asWritten = slots.get(cell);
            // the levels' whole numbers only for a cell that is one: most unseen cells are not
            slot = asWritten != null ? asWritten : wholeNumberDigits(cell) == null ? UNSEEN
                    : slotOf(cell, slots, slotsOfWholeNumbers(slots));
            if (slot == UNSEEN) {
                warnings.count(column, "a level not seen in training, encoded as " + unseenAs(), cell);
            }
        }
        write(slot, out, offset);
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("categorical, ").append(levelCount(levels.size())).append(' ');
        if (embeddingDim > 0) {
            sb.insert(0, "embedded (width " + embeddingDim + ", " + cardinality() + " codes) ");
        }
        sb.append(shortList(levels));
        if (!rareLevels.isEmpty()) {
            sb.append(", ").append(rareLevels.size()).append(rareLevels.size() == 1 ? " rare level" : " rare levels")
                    .append(" (fewer than ").append(minCount)
                    .append(" rows) merged into ").append(column).append(":rare");
        }
        sb.append(", ").append(missingInTraining).append(" missing");
        if (missingLevel) {
            sb.append(" (a level of its own)");
        }
        if (levels.isEmpty() && !rareLevels.isEmpty()) {
            sb.append("; every level is rare, so the column ").append(missingLevel
                    ? "tells the model only whether a cell is missing" : "is one constant input")
                    .append(" (").append(everyLevelRareHint()).append(")");
        }
        return sb.toString();
    }

    /**
     * What to do about a column whose every level is rare: lower --min-level-count, unless the levels
     * are dates (declared --categorical or not): dates seldom repeat and new rows bring new ones, so
     * no level count makes them useful levels.
     */
    private String everyLevelRareHint() {
        String dates = datesAdvice();
        return (dates != null ? dates : "lower --min-level-count to use its levels") + ", or --ignore "
                + ShellWord.of(column);
    }

    /** For rare levels that are dates, why no level count helps and what does; else null. */
    private String datesAdvice() {
        TextShape.Found shape = TextShape.find(rareLevels);
        return shape != null && shape.shape() == TextShape.DATES ? "as levels, dates seldom repeat and new rows "
                + "bring dates never seen: " + shape.advice() : null;
    }

    /** "1 level", "3 levels". */
    private static String levelCount(int count) {
        return count + (count == 1 ? " level" : " levels");
    }

    private static String shortList(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(values.size(), 8); i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(values.get(i)).append('"');
        }
        return sb.append(values.size() > 8 ? ", …]" : "]").toString();
    }

    @Override
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("name", column);
        o.addProperty("type", type().id());
        o.add("levels", Json.array(levels));
        o.add("rare_levels", Json.array(rareLevels));
        o.addProperty("missing_level", missingLevel);
        o.addProperty("missing_in_training", missingInTraining);
        o.addProperty("min_count", minCount);
        if (embeddingDim > 0) {
            o.addProperty("embedding_dim", embeddingDim);
        }
        return o;
    }

    /** Reads {@link #toJson()}. */
    static CategoricalEncoder fromJson(JsonObject o) {
        return new CategoricalEncoder(Json.string(o, "name"), Json.strings(o, "levels"), Json.strings(o, "rare_levels"),
                Json.bool(o, "missing_level"), Json.count(o, "missing_in_training"), Json.count(o, "min_count"),
                o.has("embedding_dim") ? Json.count(o, "embedding_dim") : 0);
    }
}
