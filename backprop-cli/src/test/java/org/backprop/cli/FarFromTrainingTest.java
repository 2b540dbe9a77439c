package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code predict} and {@code evaluate} warn of rows whose numbers lie far outside the training data
 * (their predictions extrapolate) and still write them; values inside it get no warning.
 */
class FarFromTrainingTest {
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void train() throws Exception {
        StringBuilder csv = new StringBuilder("x,kind,y\n");
        for (int i = 1; i <= 40; i++) {
            csv.append(i).append(',').append(i % 2 == 0 ? "a" : "b").append(',').append(2 * i).append('\n');
        }
        Path data = TestCsv.write(dir.resolve("train.csv"), csv.toString());
        model = dir.resolve("m.safetensors");
        CliRun train = CliRun.of("train", "--data", data, "--target", "y", "--layers", "4", "--epochs", "2",
                "--threads", "1", "--out", model);
        assertEquals(0, train.exitCode(), train::toString);
    }

    @Test
    void rowsFarOutsideTheTrainingDataAreWarnedOfAndStillPredicted() throws Exception {
        Path far = TestCsv.write(dir.resolve("far.csv"), "x,kind,y\n5,a,10\n99000,b,198000\n1e300,a,2\n");
        String warning = "backprop: warning: " + far + ": column \"x\": 2 rows with a value more than 10 standard "
                + "deviations from the training data's mean";
        CliRun predict = CliRun.of("predict", "--model", model, "--data", far);
        assertEquals(0, predict.exitCode(), predict::toString);
        assertTrue(predict.err().contains(warning), predict::toString);
        assertTrue(predict.err().contains("(e.g. \"99000\")"), predict::toString);
        assertEquals(4, predict.out().strip().split("\n").length, "header and every row: " + predict);
        CliRun evaluate = CliRun.of("evaluate", "--model", model, "--data", far);
        assertTrue(evaluate.err().contains(warning), evaluate::toString);
    }

    @Test
    void valuesInsideTheTrainingDataGetNoWarning() throws Exception {
        Path near = TestCsv.write(dir.resolve("near.csv"), "x,kind,y\n0,a,0\n45,b,90\n");
        CliRun predict = CliRun.of("predict", "--model", model, "--data", near);
        assertEquals(0, predict.exitCode(), predict::toString);
        assertFalse(predict.err().contains("standard deviations"), predict::toString);
    }
}
