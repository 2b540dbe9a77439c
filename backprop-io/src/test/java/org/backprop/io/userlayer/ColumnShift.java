package org.backprop.io.userlayer;

import org.backprop.op.ParamOperation;
import org.backprop.tensor.Matrix;

/**
 * Y = X + b: b (1×d) added to every row of X (n×d). Output Yᵢⱼ = Xᵢⱼ + bⱼ; input gradient
 * dL/dX = dL/dY; parameter gradient dL/dbⱼ = Σᵢ dL/dYᵢⱼ.
 */
final class ColumnShift extends ParamOperation {

    ColumnShift(Matrix b, Matrix bGrad) {
        super(b, bGrad);
    }

    @Override
    protected void checkInput(Matrix input) {
        Shapes.requireColumns("ColumnShift", input, param());
    }

    @Override
    protected void computeOutput(Matrix x, Matrix y, boolean training) {
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                y.set(i, j, x.get(i, j) + param().get(0, j));
            }
        }
    }

    @Override
    protected void computeInputGrad(Matrix dy, Matrix dx) {
        dx.copyFrom(dy);
    }

    @Override
    protected void computeParamGrad(Matrix dy, Matrix db) {
        for (int j = 0; j < dy.cols(); j++) {
            double sum = 0;
            for (int i = 0; i < dy.rows(); i++) {
                sum += dy.get(i, j);
            }
            db.set(0, j, sum);
        }
    }
}
