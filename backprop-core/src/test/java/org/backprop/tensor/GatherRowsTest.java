package org.backprop.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link Matrix#gatherRows}: rows copied in the listed order, into any row of the output, checked. */
class GatherRowsTest {
    private final Matrix source = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}});
    private final int[] order = {3, 0, 2, 1};

    @Test
    void copiesTheListedRowsInOrder() {
        Matrix out = Matrix.zeros(2, 2);
        source.gatherRows(order, 1, 3, out);
        assertArrayEquals(new double[] {1, 2, 5, 6}, out.toArray());
    }

    @Test
    void partsFillTheirOwnOutputRows() {
        Matrix out = Matrix.zeros(4, 2);
        source.gatherRows(order, 2, 4, out, 2);
        source.gatherRows(order, 0, 2, out, 0);
        assertArrayEquals(new double[] {7, 8, 1, 2, 5, 6, 3, 4}, out.toArray());
    }

    @Test
    void refusesOutputsThatDoNotFitAndRowsOutsideTheSource() {
        assertThrows(IllegalArgumentException.class, () -> source.gatherRows(order, 0, 3, Matrix.zeros(2, 2)));
        assertThrows(IllegalArgumentException.class, () -> source.gatherRows(order, 0, 2, Matrix.zeros(4, 2), 3));
        assertThrows(IllegalArgumentException.class, () -> source.gatherRows(order, 0, 2, Matrix.zeros(4, 3), 0));
        assertThrows(IndexOutOfBoundsException.class,
                () -> source.gatherRows(new int[] {4}, 0, 1, Matrix.zeros(1, 2), 0));
    }
}
