package org.backprop.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.backprop.io.DataException;
import org.backprop.io.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularTest {
    @TempDir
    Path dir;

    /** Houses: area (some NA), city (text), rooms, price = 2·area + city bonus. */
    static Path houses(Path dir, int rows) throws IOException {
        StringBuilder sb = new StringBuilder("area,city,rooms,price\n");
        String[] cities = {"Lyon", "Paris", "Nice"};
        for (int i = 0; i < rows; i++) {
            double area = 40 + (i * 37) % 120;
            sb.append(i % 13 == 3 ? "NA" : Double.toString(area)).append(',').append(cities[i % 3]).append(',')
                    .append(1 + i % 5).append(',').append(2 * area + (i % 3) * 30 + 0.5).append('\n');
        }
        return Files.writeString(dir.resolve("houses.csv"), sb.toString());
    }

    @Test
    void trainsPredictsSavesAndLoadsTheSamePredictions() throws Exception {
        Path csv = houses(dir, 150);
        try (TabularModel model = Tabular.train(csv, "price", TabularOptions.defaults().withEpochs(10).withSeed(3))) {
            assertEquals(Task.REGRESSION, model.task());
            Map<String, String> row = Map.of("area", "100", "city", "Paris", "rooms", "2", "extra", "ignored");
            Prediction p = model.predict(row);
            assertTrue(Double.isFinite(p.value()));
            TabularPredictions all = model.predict(csv);
            assertEquals(150, all.rows().size());
            assertTrue(all.warnings().isEmpty(), all.warnings()::toString);
            Path file = dir.resolve("houses.safetensors");
            model.save(file);
            try (TabularModel loaded = TabularModel.load(file)) {
                assertEquals(p.value(), loaded.predict(row).value());
                assertEquals(all.rows(), loaded.predict(csv).rows());
                Map<String, String> unseen = new HashMap<>(row);
                unseen.put("city", "Brest");
                unseen.put("area", null);
                assertTrue(Double.isFinite(loaded.predict(unseen).value()), "unseen level and missing area: no error");
                DataException e = assertThrows(DataException.class, () -> loaded.predict(Map.of("area", "x",
                        "city", "Lyon", "rooms", "1")));
                assertTrue(e.getMessage().contains("column \"area\": not a number; found \"x\""), e.getMessage());
            }
        }
    }

    @Test
    void predictionsAreThreadSafe() throws Exception {
        Path csv = houses(dir, 90);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (TabularModel model = Tabular.train(csv, "city", TabularOptions.defaults().withEpochs(5))) {
            assertEquals(Task.CLASSIFICATION, model.task());
            List<Map<String, String>> rows = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                rows.add(Map.of("area", Integer.toString(40 + i), "rooms", Integer.toString(i % 5), "price",
                        Integer.toString(100 + 3 * i)));
            }
            List<Prediction> expected = rows.stream().map(model::predict).toList();
            List<Future<List<Prediction>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> rows.stream().map(model::predict).toList()));
            }
            for (Future<List<Prediction>> f : futures) {
                assertEquals(expected, f.get());
            }
            assertEquals(3, expected.get(0).probabilities().size());
        } finally {
            pool.shutdownNow();
        }
    }
}
