package org.backprop.tensor;

/** Shape checks whose messages name the operation and both shapes. */
public final class Shapes {
    private Shapes() {
    }

    /** Fails unless {@code a} and {@code b} have the same shape. */
    public static void requireSame(String operation, Matrix a, Matrix b) {
        if (!a.sameShape(b)) {
            throw new ShapeException(operation + ": shapes differ, " + a.shape() + " vs " + b.shape());
        }
    }

    /** Fails unless {@code m} is rows×cols. */
    public static void require(String operation, String what, Matrix m, int rows, int cols) {
        if (m.rows() != rows || m.cols() != cols) {
            throw new ShapeException(operation + ": " + what + " is " + m.shape() + ", expected "
                    + rows + "×" + cols);
        }
    }

    /** Fails if the two matrices share a backing array region (outputs must not alias inputs). */
    public static void requireNoAlias(String operation, Matrix out, Matrix in) {
        if (out.data() == in.data()) {
            int outEnd = out.offset() + out.size();
            int inEnd = in.offset() + in.size();
            if (out.offset() < inEnd && in.offset() < outEnd && out.size() > 0 && in.size() > 0) {
                throw new ShapeException(operation + ": output " + out.shape()
                        + " overlaps input " + in.shape());
            }
        }
    }
}
