package org.backprop.io.userlayer;

import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/** The shape check the column operations share. */
final class Shapes {
    private Shapes() {
    }

    /** Refuses an input whose width differs from the parameter row's, naming the operation and both shapes. */
    static void requireColumns(String operation, Matrix input, Matrix row) {
        if (input.cols() != row.cols()) {
            throw new ShapeException(operation + ": input is " + input.shape() + " but the parameter is "
                    + row.shape());
        }
    }
}
