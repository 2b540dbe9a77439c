package org.backprop.spark.data;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnCounts;
import org.backprop.io.preprocess.TextShape;
import org.backprop.io.table.Target;

/**
 * What the driver needs to know about one column, summed over partitions: the counts that decide
 * its type (over every row, as {@code backprop train} decides them), the first bad cells (global
 * 0-based rows), and the counts that fit its encoder (over the training rows: those whose target is
 * present). Level maps hold levels, not rows: at most {@link Column#TEXT_CAP} + 1 per partition for
 * a numeric column; as many as the column has for a text column.
 */
final class ColumnSummary implements Serializable {
    private static final long serialVersionUID = 1L;
    long rows;
    long missing;
    long numbers;
    long nonNumbers;
    long firstNonNumberRow = -1;
    String firstNonNumberText;
    long firstMissingRow = -1;
    boolean allIntegers = true;
    boolean textDropped;
    boolean hasText = true;
    /** Level as written → rows, over every row (null without text). */
    HashMap<String, Long> levels;
    /** Level as written → training rows (null without text). */
    HashMap<String, Long> trainLevels;
    long trainMissing;
    /** Class label (stripped) → training rows, for the target column only (null otherwise or without text). */
    HashMap<String, Long> labels;
    /** First training row's value as the "same value in every row" error shows it, for the target column. */
    String firstLabel;

    /** The summary of partition-local column {@code c}; {@code train[r]} tells whether row r is a training row. */
    static ColumnSummary of(Column c, boolean[] train, boolean isTarget) {
        ColumnSummary s = new ColumnSummary();
        s.rows = c.rows();
        s.missing = c.missingCount();
        s.numbers = c.hasNumbers() ? c.numberCount() : 0;
        s.nonNumbers = c.hasNumbers() ? c.nonNumberCount() : 0;
        s.firstNonNumberRow = c.hasNumbers() && c.nonNumberCount() > 0 ? c.firstNonNumberRow() : -1;
        s.firstNonNumberText = s.firstNonNumberRow >= 0 ? c.firstNonNumberText() : null;
        s.firstMissingRow = c.missingCount() > 0 ? c.firstMissingRow() : -1;
        s.allIntegers = !c.hasNumbers() || c.allIntegers();
        s.textDropped = c.textDropped();
        s.hasText = c.hasText();
        if (s.hasText) {
            s.levels = new HashMap<>();
            s.trainLevels = new HashMap<>();
            long[] all = new long[c.levelCount()];
            long[] trained = new long[c.levelCount()];
            for (int r = 0; r < c.rows(); r++) {
                int code = c.code(r);
                if (code == Column.MISSING) {
                    s.trainMissing += train[r] ? 1 : 0;
                    continue;
                }
                all[code]++;
                trained[code] += train[r] ? 1 : 0;
            }
            for (int code = 0; code < all.length; code++) {
                if (all[code] > 0) {
                    s.levels.put(c.level(code), all[code]);
                }
                if (trained[code] > 0) {
                    s.trainLevels.put(c.level(code), trained[code]);
                }
            }
        } else {
            for (int r = 0; r < c.rows(); r++) {
                s.trainMissing += train[r] && c.isMissing(r) ? 1 : 0;
            }
        }
        if (isTarget) {
            s.labels = s.hasText ? new HashMap<>() : null;
            for (int r = 0; r < c.rows(); r++) {
                if (train[r]) {
                    String label = Target.label(c, r);
                    if (s.firstLabel == null) {
                        s.firstLabel = s.hasText ? label : Double.toString(c.number(r));
                    }
                    if (s.labels != null) {
                        s.labels.merge(label, 1L, Long::sum);
                    }
                }
            }
        }
        return s;
    }

    /** The counts io's column type and task rules read. */
    ColumnCounts counts(String name) {
        return new ColumnCounts(name, rows, missing, numbers, nonNumbers, levels == null ? 0 : levels.size(),
                textDropped, allIntegers, firstNonNumberText, null);
    }

    /** The {@link TextShape} of the column's levels (dates, percentages, amounts); null without text. */
    TextShape.Found textShape() {
        return levels == null ? null : TextShape.find(levels.keySet());
    }

    /** Adds the summary of the following partition, whose rows start at global row {@code offset}. */
    void append(ColumnSummary next, long offset) {
        if (firstNonNumberRow < 0 && next.firstNonNumberRow >= 0) {
            firstNonNumberRow = offset + next.firstNonNumberRow;
            firstNonNumberText = next.firstNonNumberText;
        }
        if (firstMissingRow < 0 && next.firstMissingRow >= 0) {
            firstMissingRow = offset + next.firstMissingRow;
        }
        firstLabel = firstLabel == null ? next.firstLabel : firstLabel;
        rows += next.rows;
        missing += next.missing;
        numbers += next.numbers;
        nonNumbers += next.nonNumbers;
        trainMissing += next.trainMissing;
        allIntegers &= next.allIntegers;
        textDropped |= next.textDropped;
        hasText &= next.hasText;
        levels = hasText ? add(levels, next.levels) : null;
        trainLevels = hasText ? add(trainLevels, next.trainLevels) : null;
        labels = hasText && labels != null ? add(labels, next.labels) : null;
    }

    private static HashMap<String, Long> add(HashMap<String, Long> into, Map<String, Long> more) {
        more.forEach((k, v) -> into.merge(k, v, Long::sum));
        return into;
    }
}
