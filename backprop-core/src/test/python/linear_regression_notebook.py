"""The seed notebook ../shared/seeds/linear-regression-gradients.txt: its imports (In [1]) and its two
functions (In [2] forward_linear_regression, In [3] loss_gradients), VERBATIM, without the cells'
example calls. Imported by linear_regression_golden.py, which makes those calls.
"""
import numpy as np
from numpy import ndarray
from typing import Callable, Dict, Tuple, List

# Linear Regression
def forward_linear_regression(X_batch: ndarray, y_batch: ndarray, weights: Dict[str, ndarray]) -> Tuple[float, Dict[str, ndarray]]:
    assert X_batch.shape[0] == y_batch.shape[0], "X and y batches number of rows do not match"
    assert X_batch.shape[1] == weights["W"].shape[0], "X batch number of columns and weights number of rows do not match"
    assert weights["B"].shape[0] == weights["W"].shape[1] == 1, "B number of rows and W number of columns different from 1"

    N = np.dot(X_batch, weights["W"])
    P = N + weights["B"]
    loss = np.mean(np.power(y_batch - P, 2))

    # save the information computed on the forward pass
    forward_info: Dict[str, ndarray] = {}
    forward_info['X'] = X_batch
    forward_info['N'] = N
    forward_info['P'] = P
    forward_info['y'] = y_batch

    return loss, forward_info

# Calculating the Gradients
def loss_gradients(forward_info: Dict[str, ndarray], weights: Dict[str, ndarray]) -> Dict[str, ndarray]:
    dLdP = -2 * (forward_info["y"] - forward_info["P"])
    dPdN = np.ones_like(forward_info["N"])
    dLdN = dLdP * dPdN
    dNdW = np.transpose(forward_info["X"])
    dLdW = np.dot(dNdW, dLdN)

    dPdB = np.ones_like(weights["B"])
    dLdB = dLdP * dPdB
    B = dLdB.sum(axis=0) # axis sum due to 1-dim B (?)

    # intermdiate results added to B and W for debugging purposes
    loss_gradients = {
        "dLdP": dLdP,
        "dPdN": dPdN,
        "dLdN": dLdN,
        "dNdW": dNdW,
        "W": dLdW,
        "dPdB": dPdB,
        "dLdB": dLdB,
        "B": B, 
    }
    return loss_gradients
