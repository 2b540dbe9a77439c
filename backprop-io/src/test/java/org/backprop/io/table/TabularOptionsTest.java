package org.backprop.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backprop.io.csv.ColumnarCsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options of {@code backprop train} that TabularOptions has: CSV format, stopping rule, toolkit. */
class TabularOptionsTest {
    @TempDir
    Path dir;

    @Test
    void aSemicolonFileWithDecimalCommasTrainsFromJava() throws Exception {
        String comma = Files.readString(TabularTest.houses(dir, 60));
        Path csv = Files.writeString(dir.resolve("semicolon.csv"), comma.replace(",", ";").replace(".", ","));
        TabularOptions options = TabularOptions.defaults().withSeparator(';').withDecimal(',').withEpochs(2);
        try (TabularModel model = Tabular.train(csv, "price", options)) {
            double point = model.predict(Map.of("area", "80.5", "city", "Lyon", "rooms", "2")).value();
            assertTrue(Double.isFinite(point));
            assertEquals(point, model.predict(Map.of("area", "80,5", "city", "Lyon", "rooms", "2")).value(),
                    "a row may use the file's decimal comma too");
            assertEquals(60, model.predict(csv).rows().size(), "predict reads the training file's format");
        }
    }

    @Test
    void theDefaultsFollowTheStoppingRule() throws Exception {
        Path csv = TabularTest.houses(dir, 120);
        TabularOptions defaults = TabularOptions.defaults();
        TabularTraining.Prepared small = TabularTraining.prepare(ColumnarCsvReader.read(csv,
                TabularTraining.readOptions("price", defaults)), "price", defaults);
        assertEquals(12, small.validation().size(), StoppingRule.AUTO_VALIDATION_SPLIT + " of 120 rows");
        TabularOptions given = defaults.withEpochs(5);
        TabularTraining.Prepared fixed = TabularTraining.prepare(ColumnarCsvReader.read(csv,
                TabularTraining.readOptions("price", given)), "price", given);
        assertEquals(null, fixed.validation(), "given epochs: no validation split unless asked for");
        assertEquals(200, StoppingRule.epochs(null, 108, 32));
        assertEquals(StoppingRule.AUTO_PATIENCE, StoppingRule.patience(null, true, true));
        assertEquals(0, StoppingRule.patience(null, false, true));
    }

    @Test
    void toolkitOptionsReachTheNetwork() throws Exception {
        Path csv = TabularTest.houses(dir, 60);
        TabularOptions options = TabularOptions.defaults().withEpochs(2).withDropout(0.25).withInitializer("he_uniform")
                .withLrSchedule("cosine").withClipNorm(1.0).withWeightDecay(1e-4);
        try (TabularModel model = Tabular.train(csv, "price", options)) {
            String spec = model.model().spec().toString();
            assertTrue(spec.contains("dropout"), spec);
            assertTrue(spec.contains("init he_uniform"), spec);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TabularOptions.defaults().withLrSchedule("sometimes"));
        assertTrue(e.getMessage().contains("unknown learning-rate schedule 'sometimes'"), e.getMessage());
    }
}
