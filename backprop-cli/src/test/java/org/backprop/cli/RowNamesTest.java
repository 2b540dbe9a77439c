package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by R's {@code write.csv} with its default {@code row.names = TRUE} (and pandas'
 * {@code to_csv} with its index): a nameless first column of row names, a row id that every command
 * reads and no model uses as a feature.
 */
class RowNamesTest {
    @TempDir
    Path dir;

    /** mtcars-like rows as R writes them: {@code "",mpg,…} then {@code "Car 0",21.5,…}. */
    private static String withRowNames(int rows, boolean numberedNames) {
        StringBuilder csv = new StringBuilder("\"\",\"wt\",\"cyl\",\"mpg\"\n");
        for (int i = 0; i < rows; i++) {
            String name = numberedNames ? Integer.toString(i + 1) : "Car " + i;
            csv.append('"').append(name).append("\",").append(2 + (i % 7) * 0.25).append(',').append(4 + 2 * (i % 3))
                    .append(',').append(30 - 2 * (i % 7) - (i % 3)).append('\n');
        }
        return csv.toString();
    }

    /** The same table without the row-name column. */
    private static String withoutRowNames(String csv) {
        StringBuilder out = new StringBuilder();
        for (String line : csv.split("\n")) {
            out.append(line.substring(line.indexOf("\",") + 2)).append('\n');
        }
        return out.toString();
    }

    private CliRun train(Path data, Path model) {
        return CliRun.of("train", "--data", data, "--target", "mpg", "--out", model, "--epochs", "3", "--layers", "8",
                "--seed", "3");
    }

    @Test
    void rowNamesAreARowIdNotAFeatureAndEveryCommandReadsThem() throws Exception {
        String table = withRowNames(40, false);
        Path named = TestCsv.write(dir.resolve("named.csv"), table);
        Path plain = TestCsv.write(dir.resolve("plain.csv"), withoutRowNames(table));
        Path model = dir.resolve("named.safetensors");
        Path plainModel = dir.resolve("plain.safetensors");
        CliRun train = train(named, model);
        assertEquals(0, train.exitCode(), train::toString);
        assertTrue(train.out().contains("\ncolumn \"\": ignored, the nameless first column holds row names (R's "
                + "write.csv, pandas' index): a row id, not a feature\n"), train::toString);
        assertTrue(train.out().contains(" on 40 rows (0 validation), 2 features → "), train::toString);
        CliRun trainPlain = train(plain, plainModel);
        assertEquals(0, trainPlain.exitCode(), trainPlain::toString);
        assertEquals(trainPlain.out().substring(trainPlain.out().indexOf("training ")),
                train.out().substring(train.out().indexOf("training ")).replace(model.toString(),
                        plainModel.toString()), "the same model as without the row names");

        CliRun predictNamed = CliRun.of("predict", "--model", model, "--data", named);
        CliRun predictPlain = CliRun.of("predict", "--model", model, "--data", plain);
        assertEquals(0, predictNamed.exitCode(), predictNamed::toString);
        assertEquals(0, predictPlain.exitCode(), predictPlain::toString);
        String[] namedLines = predictNamed.out().split("\n");
        String[] plainLines = predictPlain.out().split("\n");
        assertEquals("\"\",mpg_predicted", namedLines[0], "the row names first, under R's own header for them");
        assertEquals("mpg_predicted", plainLines[0]);
        assertEquals(41, namedLines.length);
        for (int r = 1; r < namedLines.length; r++) {
            assertEquals("Car " + (r - 1) + "," + plainLines[r], namedLines[r], "with or without the row-name column");
        }
        assertEquals(CliRun.of("predict", "--model", plainModel, "--data", named).out(), predictNamed.out(),
                "a model of the plain file predicts the file with row names");
        CliRun ids = CliRun.of("predict", "--model", model, "--data", named, "--id-column", "wt");
        assertEquals(0, ids.exitCode(), ids::toString);
        assertTrue(ids.out().startsWith("wt,mpg_predicted\n2"), "an --id-column given wins: " + ids);

        for (String command : new String[] {"evaluate", "inspect", "gradcheck"}) {
            CliRun run = CliRun.of(command, "--model", model, "--data", named);
            assertEquals(0, run.exitCode(), run::toString);
            assertFalse(run.err().contains("Exception"), run::toString);
        }
    }

    @Test
    void numberedRowNamesAreIgnoredTooNotANumericFeature() throws Exception {
        Path named = TestCsv.write(dir.resolve("numbered.csv"), withRowNames(30, true));
        CliRun train = train(named, dir.resolve("m.safetensors"));
        assertEquals(0, train.exitCode(), train::toString);
        assertTrue(train.out().contains("column \"\": ignored, the nameless first column holds row names"),
                train::toString);
        assertFalse(train.out().contains("looks like a row identifier"), "not the notice of a feature kept");
        assertTrue(train.out().contains(" 2 features → "), train::toString);
    }

    @Test
    void anEmptyNameAfterTheFirstColumnIsStillAnErrorNamingTheCell() throws Exception {
        Path data = TestCsv.write(dir.resolve("gap.csv"), "wt,,mpg\n1,2,3\n4,5,6\n");
        CliRun run = train(data, dir.resolve("m.safetensors"));
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertEquals("backprop: " + data + ", line 1, column 2 \"\": empty column name in the header; name the "
                + "column; found \"\"\n", run.err());
        assertFalse(java.nio.file.Files.exists(dir.resolve("m.safetensors")));
    }
}
