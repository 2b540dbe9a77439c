package org.backprop.io.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link RowSet}: every row, a list, and every row but a few give the same rows by each way of reading them. */
class RowSetTest {

    @Test
    void everyRowButAFewIsTheComplementReadByPositionByRunAndByWalk() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n : new int[] {1, 2, 7, 100, 1000}) {
            for (double share : new double[] {0, 0.1, 0.5, 0.9}) {
                List<Integer> kept = new ArrayList<>();
                List<Integer> out = new ArrayList<>();
                for (int r = 0; r < n; r++) {
                    (random.nextDouble() < share && out.size() < n - 1 ? out : kept).add(r);
                }
                int[] expected = kept.stream().mapToInt(Integer::intValue).toArray();
                RowSet set = RowSet.allBut(n, out.stream().mapToInt(Integer::intValue).toArray());
                assertRows(expected, set);
            }
        }
    }

    @Test
    void allAndListedSetsReadTheirRows() {
        assertRows(new int[] {0, 1, 2, 3}, RowSet.all(4));
        assertRows(new int[] {5, 2, 9}, RowSet.of(new int[] {5, 2, 9}));
        assertRows(new int[] {1, 3}, RowSet.allBut(4, new int[] {0, 2}).select(new int[] {0, 1}));
        assertRows(new int[] {3, 1}, RowSet.allBut(4, new int[] {0, 2}).select(new int[] {1, 0}));
        assertRows(new int[0], RowSet.allBut(2, new int[] {0, 1}));
    }

    @Test
    void rowsLeftOutMustAscendWithinTheTable() {
        assertThrows(IllegalArgumentException.class, () -> RowSet.allBut(4, new int[] {2, 1}));
        assertThrows(IllegalArgumentException.class, () -> RowSet.allBut(4, new int[] {4}));
        assertThrows(IndexOutOfBoundsException.class, () -> RowSet.allBut(4, new int[] {1}).tableRow(3));
    }

    private static void assertRows(int[] expected, RowSet set) {
        assertEquals(expected.length, set.size());
        int[] byPosition = new int[set.size()];
        for (int i = 0; i < byPosition.length; i++) {
            byPosition[i] = set.tableRow(i);
        }
        assertArrayEquals(expected, byPosition, set.toString());
        int[] walked = new int[set.size()];
        PrimitiveIterator.OfInt it = set.iterator();
        for (int i = 0; i < walked.length; i++) {
            walked[i] = it.nextInt();
        }
        assertEquals(false, it.hasNext());
        assertArrayEquals(expected, walked);
        for (int from = 0; from <= expected.length; from += 3) {
            for (int to = from; to <= Math.min(expected.length, from + 5); to++) {
                assertArrayEquals(java.util.Arrays.copyOfRange(expected, from, to), set.tableRows(from, to));
            }
        }
    }
}
