package org.backprop.seed;

import org.backprop.init.Initializer;
import org.backprop.network.Params;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;

/**
 * An {@link Initializer} that consumes its random stream in the order of an out×in weight matrix
 * (the layout of the {@code mlp-backprop} notebook, {@code W1 = uniform(size=(128, 100))}, and of
 * PyTorch's {@code nn.Linear.weight}) and stores the values transposed into the library's in×out
 * matrix: the k-th value drawn lands at row {@code k % in}, column {@code k / in}.
 *
 * <p>The wrapped initializer is run on an in×out scratch matrix, so it sees the same fan-in and
 * fan-out and draws the same values it would draw for {@code weights}; only their positions change.
 * This holds for every initializer that draws its elements independently in row-major order (all
 * of {@link org.backprop.init.Initializers}). With {@link org.backprop.random.NumpyRandom} as the
 * source, the weights are the transpose of the NumPy notebook's, value for value.
 */
public final class OutByInDrawOrder implements Initializer {
    private final Initializer drawn;

    /** Draws with {@code drawn} and places the values in out×in order. */
    public OutByInDrawOrder(Initializer drawn) {
        this.drawn = drawn;
    }

    @Override
    public void initialize(Matrix weights, RandomSource random) {
        Matrix inDrawOrder = Matrix.zeros(weights.rows(), weights.cols());
        drawn.initialize(inDrawOrder, random);
        int in = weights.rows();
        for (int k = 0, n = weights.size(); k < n; k++) {
            weights.set(k % in, k / in, inDrawOrder.getFlat(k));
        }
    }

    /** The wrapped initializer's id: the distribution is the same, only the draw order differs. */
    @Override
    public String id() {
        return drawn.id();
    }

    /** The wrapped initializer's hyperparameters (a model file records the distribution, not the order). */
    @Override
    public Params params() {
        return drawn.params();
    }
}
