package org.backprop.io.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backprop.io.DoubleTable;
import org.backprop.io.csv.StrictCsvReader;
import org.backprop.io.model.Model;
import org.backprop.io.preprocess.EncodeWarnings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Model#featuresOf} applies the model's preprocessing: categorical columns and gaps work. */
class ModelFeaturesOfTest {
    @TempDir
    Path dir;

    @Test
    void featuresOfEncodesCategoricalColumnsAsPredictDoes() throws Exception {
        Path csv = TabularTest.houses(dir, 60);
        try (TabularModel tabular = Tabular.train(csv, "price", TabularOptions.defaults().withEpochs(2))) {
            Model model = tabular.model();
            DoubleTable features = model.featuresOf(StrictCsvReader.read(csv));
            assertEquals(model.features(), features.columnNames());
            double[] expected = tabular.predict(csv).rows().stream().mapToDouble(Prediction::value).toArray();
            assertArrayEquals(expected, model.predictValues(features));
        }
    }

    @Test
    void featuresOfCountsUnseenLevels() throws Exception {
        Path csv = TabularTest.houses(dir, 60);
        try (TabularModel tabular = Tabular.train(csv, "price", TabularOptions.defaults().withEpochs(2))) {
            Path other = Files.writeString(dir.resolve("other.csv"), "area,city,rooms\n80,Brest,3\n");
            EncodeWarnings warnings = new EncodeWarnings();
            DoubleTable features = tabular.model().featuresOf(StrictCsvReader.read(other), warnings);
            assertEquals(1, features.rows());
            assertEquals(1, warnings.messages().size(), warnings.messages()::toString);
        }
    }
}
