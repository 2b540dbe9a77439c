package org.backprop.spark.data;

import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import org.backprop.io.DataException;
import org.backprop.io.model.Model;
import org.backprop.io.preprocess.EncodeWarnings;
import org.backprop.io.table.EncodedRows;
import org.backprop.io.table.LabeledRows;
import org.backprop.spark.score.ModelBytes;
import org.backprop.tensor.Matrix;

/**
 * Held-out rows to measure a model on ({@code backprop-spark train --test}): each partition of a
 * {@link SparkTable} checked and encoded (not yet standardized, as every {@link EncodedPart}) on its
 * executor by the model's stored preprocessing, as
 * {@code backprop train --test} reads its file ({@link LabeledRows#of}); nothing goes to the driver
 * but a count and the first error per partition.
 */
public final class TestTable {
    private TestTable() {
    }

    /**
     * The rows of {@code table} encoded for {@code model}, in input order, cached (unpersist when
     * done); one job.
     *
     * @throws DataException the first partition's error (a missing column, a label the model does not
     *                       know, a bad cell …) at its line in the whole input
     */
    public static JavaRDD<EncodedPart> encode(SparkTable table, ModelBytes model) {
        JavaRDD<Encoded> parts = table.parts().map(p -> Encoded.of(p, model)).persist(StorageLevel.MEMORY_AND_DISK());
        List<Encoded> checked = parts.map(e -> new Encoded(null, e.error, e.tableRows)).collect();
        long offset = 0;
        for (Encoded e : checked) {
            if (e.error != null) {
                parts.unpersist(false);
                throw TablePart.shifted(e.error, offset);
            }
            offset += e.tableRows;
        }
        JavaRDD<EncodedPart> encoded = parts.filter(e -> e.part != null).map(e -> e.part)
                .persist(StorageLevel.MEMORY_AND_DISK());
        encoded.count();
        parts.unpersist(false);
        table.close();
        return encoded;
    }

    /** One partition encoded, or its error (partition-local line), with its table rows for the line offsets. */
    private record Encoded(EncodedPart part, DataException error, int tableRows) implements java.io.Serializable {
        static Encoded of(TablePart p, ModelBytes bytes) {
            if (p.table() == null) {
                return new Encoded(null, p.error(), 0);
            }
            try (Model model = bytes.load()) {
                LabeledRows rows = LabeledRows.of(p.table(), model, new EncodeWarnings());
                int[] tableRows = new int[rows.size()];
                for (int i = 0; i < tableRows.length; i++) {
                    tableRows[i] = rows.features().tableRow(i);
                }
                EncodedRows encoded = new EncodedRows(p.table(), model.preprocessor(), null, tableRows);
                int cols = encoded.cols();
                double[] features = rows.size() == 0 ? new double[0]
                        : encoded.rowBlock(0, rows.size(), Matrix.zeros(rows.size(), cols)).data();
                return new Encoded(new EncodedPart(0, rows.size(), cols, features,
                        rows.values(), rows.labels(), null), null, p.table().rowCount());
            } catch (DataException e) {
                return new Encoded(null, e, p.table().rowCount());
            }
        }
    }
}
