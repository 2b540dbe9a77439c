#!/usr/bin/env python3
"""Golden values of scikit-learn's metrics for MetricsGoldenTest.

Writes backprop-core/src/test/resources/golden/sklearn_metrics.txt: the inputs (drawn here from a
fixed NumPy seed, so the Java test reads the very same numbers) and scikit-learn's results, one
line per key, doubles as repr (exact round trip). Scores are rounded to one decimal so that ROC AUC
meets ties; one class is never predicted, so precision meets its zero division (zero_division=0).

Usage, from the repository root (needs scikit-learn, e.g. Debian's python3-sklearn):
    /usr/bin/python3 backprop-core/src/test/python/sklearn_metrics_golden.py
"""
import pathlib
import platform

import numpy as np
import sklearn
from sklearn import metrics

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "golden" / "sklearn_metrics.txt"


def line(key, values):
    return key + " " + " ".join(repr(float(v)) if isinstance(v, (float, np.floating)) else str(int(v))
                                for v in values)


def main():
    rng = np.random.RandomState(7)
    lines = [
        "# scikit-learn golden metrics; produced by backprop-core/src/test/python/sklearn_metrics_golden.py",
        "# (Python %s, NumPy %s, scikit-learn %s). Inputs first, then results."
        % (platform.python_version(), np.__version__, sklearn.__version__),
    ]
    # binary: labels, tied scores, weights
    n = 40
    binary = rng.randint(0, 2, n)
    scores = np.round(np.clip(0.3 * binary + rng.uniform(0, 0.7, n), 0, 1), 1)
    weights = np.round(rng.uniform(0.1, 3.0, n), 3)
    lines += [line("binary_true", binary), line("binary_score", scores), line("binary_weight", weights),
              line("roc_auc", [metrics.roc_auc_score(binary, scores)]),
              line("roc_auc_weighted", [metrics.roc_auc_score(binary, scores, sample_weight=weights)])]
    # binary log-loss on the scores taken as probabilities of class 1
    lines += [line("log_loss_binary", [metrics.log_loss(binary, scores, labels=[0, 1])]),
              line("log_loss_binary_weighted", [metrics.log_loss(binary, scores, sample_weight=weights,
                                                                 labels=[0, 1])])]
    # multiclass: 4 classes, class 3 never predicted
    k = 4
    actual = rng.randint(0, k, n)
    predicted = np.where(rng.uniform(size=n) < 0.6, actual, rng.randint(0, k, n))
    predicted = np.where(predicted == 3, 0, predicted)
    lines += [line("multi_true", actual), line("multi_pred", predicted)]
    for suffix, w in (("", None), ("_weighted", weights)):
        p, r, f, s = metrics.precision_recall_fscore_support(actual, predicted, labels=range(k), zero_division=0,
                                                             sample_weight=w)
        if w is not None:
            s = np.bincount(actual, weights=w, minlength=k)
        lines += [line("precision" + suffix, p), line("recall" + suffix, r), line("f1" + suffix, f),
                  line("support" + suffix, [float(x) for x in s]),
                  line("macro_f1" + suffix, [metrics.f1_score(actual, predicted, labels=range(k), average="macro",
                                                              zero_division=0, sample_weight=w)]),
                  line("accuracy" + suffix, [metrics.accuracy_score(actual, predicted, sample_weight=w)])]
    # multiclass log-loss on random probability rows
    probs = rng.dirichlet(np.ones(k), n)
    lines += [line("multi_prob", probs.ravel()),
              line("log_loss_multi", [metrics.log_loss(actual, probs, labels=range(k))]),
              line("log_loss_multi_weighted", [metrics.log_loss(actual, probs, labels=range(k), sample_weight=weights)])]
    # regression
    y = rng.normal(3, 2, n)
    yhat = y + rng.normal(0, 1, n)
    lines += [line("reg_true", y), line("reg_pred", yhat),
              line("mse", [metrics.mean_squared_error(y, yhat)]),
              line("mse_weighted", [metrics.mean_squared_error(y, yhat, sample_weight=weights)]),
              line("mae", [metrics.mean_absolute_error(y, yhat)]),
              line("mae_weighted", [metrics.mean_absolute_error(y, yhat, sample_weight=weights)]),
              line("r2", [metrics.r2_score(y, yhat)])]
    OUT.write_text("\n".join(lines) + "\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
