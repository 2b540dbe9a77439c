package org.backprop.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backprop.LibraryVersion;
import org.backprop.io.model.ModelMetadata;
import org.backprop.train.EpochRecord;
import org.backprop.train.History;
import org.backprop.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tabular.train tells how training went: history, progress, listener, and the metadata backprop train writes. */
class TabularHistoryTest {
    @TempDir
    Path dir;

    @Test
    void theModelHasItsHistoryAndItsFileTheSettingsAndVersion() throws Exception {
        Path csv = TabularTest.houses(dir, 150);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Path file = dir.resolve("houses.safetensors");
        try (TabularModel model = Tabular.train(csv, "price", TabularOptions.defaults().withSeed(1),
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            History history = model.history().orElseThrow();
            List<EpochRecord> epochs = history.epochs();
            assertFalse(epochs.isEmpty());
            assertTrue(epochs.stream().allMatch(EpochRecord::hasValidation), "the automatic 10 % validation split");
            if (history.stoppedEarly()) {
                assertTrue(history.restoredEpoch() >= 0 && history.restoredEpoch() < epochs.size());
            }
            String log = printed.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("task: regression ("), log);
            assertTrue(log.contains("training regression on 135 rows (15 validation)"), log);
            assertTrue(log.contains("epoch   1/"), log);
            assertTrue(log.contains("validation loss "), log);
            assertEquals(history.stoppedEarly(), log.contains("early stopping after epoch " + epochs.size()), log);
            model.save(file);
        }
        try (TabularModel loaded = TabularModel.load(file)) {
            assertTrue(loaded.history().isEmpty(), "a loaded model has no history");
            ModelMetadata metadata = loaded.model().metadata();
            assertEquals(LibraryVersion.current(), metadata.libraryVersion());
            assertFalse(metadata.libraryVersion().isEmpty());
            String training = metadata.training();
            assertTrue(training.contains("\"data\":\"houses.csv\""), training);
            assertTrue(training.contains("\"rows\":135"), training);
            assertTrue(training.contains("\"validation_split\":0.1"), training);
            assertTrue(training.contains("\"patience\":10"), training);
            assertTrue(training.contains("\"epochs_rule\":\"auto\""), training);
            assertTrue(training.contains("\"init\":\"fan_in_uniform\""), training);
        }
    }

    @Test
    void aListenerSeesEveryEpoch() throws Exception {
        Path csv = TabularTest.houses(dir, 60);
        List<EpochRecord> seen = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochRecord record) {
                seen.add(record);
            }
        };
        StringWriter log = new StringWriter();
        try (TabularModel model = Tabular.train(csv, "price", TabularOptions.defaults().withEpochs(7),
                new PrintWriter(log), listener)) {
            assertEquals(model.history().orElseThrow().epochs(), seen);
            assertEquals(7, seen.size());
            assertFalse(model.history().orElseThrow().stoppedEarly());
            assertTrue(log.toString().contains("epoch 7/7"), log::toString);
        }
    }
}
