package org.backprop.io.userlayer;

import org.backprop.op.ParamOperation;
import org.backprop.tensor.Matrix;

/**
 * Y = X ∘ g: each column j of X (n×d) times g[j] (g 1×d). The book's template, written out:
 * output Yᵢⱼ = Xᵢⱼ·gⱼ; input gradient dL/dXᵢⱼ = dL/dYᵢⱼ·gⱼ; parameter gradient dL/dgⱼ = Σᵢ dL/dYᵢⱼ·Xᵢⱼ.
 */
final class ColumnScale extends ParamOperation {

    ColumnScale(Matrix g, Matrix gGrad) {
        super(g, gGrad);
    }

    @Override
    protected void checkInput(Matrix input) {
        Shapes.requireColumns("ColumnScale", input, param());
    }

    @Override
    protected void computeOutput(Matrix x, Matrix y, boolean training) {
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                y.set(i, j, x.get(i, j) * param().get(0, j));
            }
        }
    }

    @Override
    protected void computeInputGrad(Matrix dy, Matrix dx) {
        for (int i = 0; i < dy.rows(); i++) {
            for (int j = 0; j < dy.cols(); j++) {
                dx.set(i, j, dy.get(i, j) * param().get(0, j));
            }
        }
    }

    @Override
    protected void computeParamGrad(Matrix dy, Matrix dg) {
        for (int j = 0; j < dy.cols(); j++) {
            double sum = 0;
            for (int i = 0; i < dy.rows(); i++) {
                sum += dy.get(i, j) * input().get(i, j);
            }
            dg.set(0, j, sum);
        }
    }
}
