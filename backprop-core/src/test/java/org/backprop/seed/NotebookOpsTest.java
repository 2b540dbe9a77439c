package org.backprop.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;
import org.junit.jupiter.api.Test;

class NotebookOpsTest {

    @Test
    void addColumnBroadcastsTheBiasOverColumns() {
        Matrix m = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        NotebookOps.addColumn(m, Matrix.column(10, 20));
        assertArrayEquals(new double[] {11, 12, 13, 24, 25, 26}, m.toArray());
    }

    @Test
    void reluAndMaskUseTheNotebookComparisons() {
        Matrix o = Matrix.row(-1, 0, 2);
        Matrix g = Matrix.zeros(1, 3);
        NotebookOps.relu(o, g);
        assertArrayEquals(new double[] {0, 0, 2}, g.toArray());
        Matrix grad = Matrix.row(5, 6, 7);
        NotebookOps.multiplyByNonNegativeMask(grad, o);
        assertArrayEquals(new double[] {0, 6, 7}, grad.toArray(), "mask is O >= 0, so 0 passes");
    }

    @Test
    void subtractTransposedIsRowMinusColumnTransposed() {
        Matrix out = Matrix.zeros(1, 3);
        NotebookOps.subtractTransposed(Matrix.row(1, 2, 3), Matrix.column(0.5, 0.25, 4), out);
        assertArrayEquals(new double[] {0.5, 1.75, -1}, out.toArray());
    }

    @Test
    void rowMeansDivideTheRowSumByTheColumnCount() {
        Matrix out = Matrix.zeros(2, 1);
        NotebookOps.rowMeans(Matrix.of(new double[][] {{1, 2, 6}, {-3, 0, 0}}), out);
        assertArrayEquals(new double[] {3, -1}, out.toArray());
    }

    @Test
    void subtractScaledIsPlainGradientDescent() {
        Matrix w = Matrix.row(1, 2);
        NotebookOps.subtractScaled(w, Matrix.row(10, -20), 0.5);
        assertArrayEquals(new double[] {-4, 12}, w.toArray());
    }

    @Test
    void sumSquaredDifferencePairsColumnWithRow() {
        assertEquals(1 + 4, NotebookOps.sumSquaredDifference(Matrix.column(1, 2), Matrix.row(0, 4)));
    }

    @Test
    void shapesAreChecked() {
        assertThrows(ShapeException.class, () -> NotebookOps.addColumn(Matrix.zeros(2, 2), Matrix.column(1, 2, 3)));
        assertThrows(ShapeException.class, () -> NotebookOps.relu(Matrix.zeros(2, 2), Matrix.zeros(2, 3)));
    }
}
