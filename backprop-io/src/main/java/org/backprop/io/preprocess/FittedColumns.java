package org.backprop.io.preprocess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.backprop.io.DataException;

/**
 * The columns of a preprocessing being fitted, in input order: the encoders of the used columns and
 * the ignored columns with the reason. A categorical column whose every level is rare, without a
 * level for missing cells, would be one constant input ({@link CategoricalEncoder#isConstant}): it
 * teaches the model nothing, so it is ignored here with a reason saying what --min-level-count would
 * keep it, as an identifier column is. {@link TablePreprocessor#fit} and Spark's fit, which counts
 * the levels over partitions, both fill one. Not thread-safe.
 */
public final class FittedColumns {
    private final List<ColumnEncoder> encoders = new ArrayList<>();
    private final List<ColumnDecision> ignored = new ArrayList<>();

    /** Adds a column not used, with its reason. */
    public void ignore(ColumnDecision decision) {
        ignored.add(decision);
    }

    /** Adds a fitted numeric column. */
    public void numeric(NumericEncoder encoder) {
        encoders.add(encoder);
    }

    /**
     * Adds categorical column {@code name} whose training rows hold the levels {@code counts} (level
     * as written → rows, every count positive) and {@code missing} missing cells, encoded with
     * {@code options}' minimum level count, missing policy and embedded columns; ignored, with the
     * reason, if its input would be constant.
     */
    public void categorical(String name, Map<String, Integer> counts, int missing, TableOptions options) {
        CategoricalEncoder encoder = CategoricalEncoder.fromCounts(name, counts, missing, options.minLevelCount(),
                options.missingPolicy(), options.embed().contains(name));
        if (encoder.isConstant() && !counts.isEmpty()) {
            ignored.add(new ColumnDecision(name, ColumnType.IGNORED,
                    encoder.constantReason(Collections.max(counts.values()))));
        } else {
            encoders.add(encoder);
        }
    }

    /**
     * Refuses a table of {@code source} left without a used column.
     *
     * @throws DataException on line 1, listing the ignored columns with their reasons
     */
    public void requireSomeFeature(String source) {
        if (encoders.isEmpty()) {
            throw DataException.in(source).line(1).problem("no feature column left to train on: "
                    + ignored.stream().map(d -> "\"" + d.column() + "\" " + d.reason()).toList());
        }
    }

    /** The encoders of the used columns, in input order. */
    public List<ColumnEncoder> encoders() {
        return List.copyOf(encoders);
    }

    /** The ignored columns, with the reason, in input order. */
    public List<ColumnDecision> ignored() {
        return List.copyOf(ignored);
    }
}
