#!/usr/bin/env python3
"""Golden values of the seed notebook linear-regression-gradients for LinearRegressionTest.

Runs the notebook's two functions VERBATIM (linear_regression_notebook.py beside this file) and writes
every array they return to backprop-core/src/test/resources/golden/linear_regression.txt, one line per
array: "<case>.<name> rows cols v1 v2 ...", row-major, doubles as repr (exact round trip). A 1-D
array of length n (the notebook's B, dPdB and gradient B) is written as 1 x n; the loss as 1 x 1.

Cases:
  notebook  the notebook's own inputs and call (X 3x3, W [1,2,3], B [2], y [11,27,41]);
  random    the same calls on fractional values drawn after np.random.seed(1) (X 5x3, W 3x1, B (1,),
            y 5x1), so that the arithmetic, not only small integers, is compared. The inputs are
            written too (random.inputs.X, ...), so the Java test reads them instead of drawing.

Usage, from the repository root:
    python3 backprop-core/src/test/python/linear_regression_golden.py
"""
import pathlib
import platform
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from linear_regression_notebook import forward_linear_regression, loss_gradients  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "golden" / "linear_regression.txt"


def notebook_inputs():
    """In [2] of the notebook, verbatim but for the comments."""
    X_batch = np.array([
        [0, 1, 2],
        [3, 4, 5],
        [5, 6, 7],
    ])
    weights = {
        "B": np.array([2]),
        "W": np.array([
            [1],
            [2],
            [3],
        ]),
    }
    y_batch = np.array([
        [11],
        [27],
        [41],
    ])
    return X_batch, y_batch, weights


def random_inputs():
    np.random.seed(1)
    X_batch = np.random.uniform(-2.0, 2.0, size=(5, 3))
    weights = {"W": np.random.uniform(-1.0, 1.0, size=(3, 1)), "B": np.random.uniform(-1.0, 1.0, size=(1,))}
    y_batch = np.random.uniform(0.0, 10.0, size=(5, 1))
    return X_batch, y_batch, weights


def line(key, value):
    array = np.asarray(value, dtype=np.float64)
    if array.ndim == 0:
        array = array.reshape(1, 1)
    elif array.ndim == 1:
        array = array.reshape(1, -1)
    rows, cols = array.shape
    return "%s %d %d %s" % (key, rows, cols, " ".join(repr(float(v)) for v in array.ravel()))


def case(name, X_batch, y_batch, weights):
    lines = [line(name + ".inputs.X", X_batch), line(name + ".inputs.y", y_batch),
             line(name + ".inputs.W", weights["W"]), line(name + ".inputs.B", weights["B"])]
    loss, forward_info = forward_linear_regression(X_batch, y_batch, weights)
    lines.append(line(name + ".loss", loss))
    for key, value in forward_info.items():
        lines.append(line(name + ".forward." + key, value))
    for key, value in loss_gradients(forward_info, weights).items():
        lines.append(line(name + ".gradients." + key, value))
    return lines


def main():
    header = [
        "# Golden values of the seed notebook linear-regression-gradients (forward_linear_regression and",
        "# loss_gradients run verbatim). Produced by backprop-core/src/test/python/linear_regression_golden.py",
        "# (Python %s, NumPy %s)." % (platform.python_version(), np.__version__),
        "# Lines: <case>.<name> rows cols values (row-major, repr); 1-D arrays as 1 x n, the loss as 1 x 1.",
    ]
    body = case("notebook", *notebook_inputs()) + case("random", *random_inputs())
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(header + body) + "\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
