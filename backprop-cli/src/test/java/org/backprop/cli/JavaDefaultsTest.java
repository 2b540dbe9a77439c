package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.backprop.io.table.Tabular;
import org.backprop.io.table.TabularModel;
import org.backprop.io.table.TabularOptions;
import org.backprop.io.table.TabularPredictions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code TabularOptions.defaults()} and {@code backprop train} without flags are one training: the
 * same validation split, automatic epochs, early stopping, network and optimizer, so the same file
 * gives the same model, prediction for prediction.
 */
class JavaDefaultsTest {
    private static final Path HOUSES = Path.of("..", "examples", "houses.csv");
    private static final Path NEW_HOUSES = Path.of("..", "examples", "houses-new.csv");

    @TempDir
    Path dir;

    @Test
    void javaDefaultsTrainTheModelOfTheCommandLineDefaults() throws Exception {
        Path cliModel = dir.resolve("cli.safetensors");
        CliRun run = CliRun.of("train", "--data", HOUSES, "--target", "price", "--out", cliModel);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("(20 validation)"), run::toString);
        try (TabularModel java = Tabular.train(HOUSES, "price", TabularOptions.defaults());
             TabularModel cli = TabularModel.load(cliModel)) {
            TabularPredictions expected = cli.predict(NEW_HOUSES);
            assertEquals(expected.rows(), java.predict(NEW_HOUSES).rows());
            assertEquals(cli.predict(HOUSES).rows(), java.predict(HOUSES).rows());
            assertEquals(cli.model().metadata().training(), java.model().metadata().training(), "one builder");
            assertEquals(cli.model().metadata().libraryVersion(), java.model().metadata().libraryVersion());
        }
    }

    @Test
    void theCommandLineTakesItsDefaultsFromTabularOptions() {
        TabularOptions defaults = TabularOptions.defaults();
        assertEquals(null, defaults.epochs(), "automatic epochs");
        assertEquals(null, defaults.validationSplit(), "automatic validation split");
        assertEquals(null, defaults.patience(), "automatic patience");
        CliRun help = CliRun.of("train", "--help");
        assertTrue(help.out().contains("Hidden layer sizes (default: " + TabularOptions.DEFAULT_LAYERS + ")"), help::toString);
        assertTrue(help.out().contains("Rows per step (default: " + TabularOptions.DEFAULT_BATCH_SIZE + ")"), help::toString);
    }
}
