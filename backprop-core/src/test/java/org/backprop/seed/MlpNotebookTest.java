package org.backprop.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.backprop.golden.GoldenFile;
import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.junit.jupiter.api.Test;

/**
 * The Java port of the seed MLP notebook against the notebook itself: the loss printed every 50
 * epochs must equal NumPy's ({@code golden/mlp_backprop_seed0.txt}, written by
 * {@code src/test/python/mlp_backprop_golden.py}) to a relative 1e-9.
 *
 * <p>The full run (1000 epochs, about 1.26 TFLOP) is only affordable with a vectorized kernel. So
 * when {@link Kernels#create(int)} returns the naive reference kernel (its {@code describe()}
 * contains "naive") this test runs 101 epochs and compares the first three printed losses
 * (epochs 0, 50 and 100); with any other kernel it runs all 1000 epochs and compares all 20.
 */
class MlpNotebookTest {
    private static final double RELATIVE_TOLERANCE = 1e-9;
    private static final int GOLDEN_EPOCHS = 1000;
    private static final int NAIVE_EPOCHS = 101;

    @Test
    void lossCurveMatchesTheNotebook() {
        GoldenFile golden = GoldenFile.load("mlp_backprop_seed0.txt");
        try (Gemm gemm = Kernels.create(Kernels.defaultThreads())) {
            int epochs = gemm.describe().contains("naive") ? NAIVE_EPOCHS : GOLDEN_EPOCHS;
            double[] losses = MlpNotebook.run(0, epochs, gemm, quietStream());
            assertEquals((epochs + MlpNotebook.PRINT_EVERY - 1) / MlpNotebook.PRINT_EVERY, losses.length);
            for (int i = 0; i < losses.length; i++) {
                int epoch = i * MlpNotebook.PRINT_EVERY;
                double expected = golden.doubles(Integer.toString(epoch))[0];
                double relative = Math.abs(losses[i] - expected) / Math.abs(expected);
                assertTrue(relative <= RELATIVE_TOLERANCE, "epoch " + epoch + ": Java " + losses[i]
                        + " vs NumPy " + expected + ", relative error " + relative + " (" + gemm.describe() + ")");
            }
        }
    }

    @Test
    void printsEachLossLikeTheNotebook() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Gemm gemm = Kernels.create(1);
             PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            double[] losses = MlpNotebook.run(0, 1, gemm, out);
            assertEquals(1, losses.length);
            assertEquals("Epoch  0 Loss:  " + losses[0] + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
        }
    }

    private static PrintStream quietStream() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
