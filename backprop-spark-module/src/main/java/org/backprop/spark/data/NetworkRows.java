package org.backprop.spark.data;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.io.preprocess.StandardScaler;

/**
 * The rows of an {@link EncodedPart} as the network sees them, one {@link LabeledRow} at a time:
 * standardized features, the standardized target (regression) or the one-hot class row, and the
 * row's weight ({@link EncodedPart#weight}).
 */
final class NetworkRows implements Iterator<LabeledRow> {
    private final EncodedPart part;
    private final StandardScaler features;
    private final StandardScaler target;
    private final LabelEncoder labels;
    private final Map<String, Double> classWeights;
    private int next;

    /** @param classWeights each class's weight, or null (every class 1) */
    NetworkRows(EncodedPart part, StandardScaler features, StandardScaler target, LabelEncoder labels,
                Map<String, Double> classWeights) {
        this.part = part;
        this.features = features;
        this.target = target;
        this.labels = labels;
        this.classWeights = classWeights;
    }

    @Override
    public boolean hasNext() {
        return next < part.rows();
    }

    @Override
    public LabeledRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int r = next++;
        int w = part.width();
        double[] raw = new double[w];
        System.arraycopy(part.x(), r * w, raw, 0, w);
        double[] y;
        if (target != null) {
            y = target.transform(new double[] {part.values()[r]});
        } else {
            y = new double[labels.classCount()];
            y[labels.encode(part.labels()[r])] = 1;
        }
        return new LabeledRow(part.firstIndex() + r, features.transform(raw), y, part.weight(r, classWeights), null);
    }
}
