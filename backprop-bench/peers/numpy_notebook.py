#!/usr/bin/env python3
"""The seed notebook (../shared/seeds/mlp-backprop.txt) as a timed script.

The notebook's code cells In [2]-[8] run VERBATIM from backprop-core/src/test/python/seed_notebook.py
(shared with the golden-curve script). What this script adds: np.random.seed(SEED) before the data is drawn (the notebook has
no seed), --epochs (the notebook: n_iter=1000), a wall-clock timer around fitModel (training
including the notebook's loss evaluation every 50 epochs), and a summary line in the same format
as `backprop demo`:

    total <seconds> s, <GFLOP/s> GFLOP/s

The thread count and BLAS kernel come from the environment (OPENBLAS_NUM_THREADS,
OPENBLAS_CORETYPE, ...); the line starting with "blas" reports what OpenBLAS actually chose.

Usage: python3 numpy_notebook.py [--epochs 1000] [--seed 0]
"""
import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blasinfo  # noqa: E402
from seedflops import seed_flops  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "backprop-core", "src",
                                "test", "python"))
from seed_notebook import MSELoss, fitModel, forward  # noqa: E402  (the notebook's code cells, verbatim)



def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=1000, help="n_iter of fitModel (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="np.random.seed before the data (default 0)")
    args = parser.parse_args()
    if args.epochs < 1:
        parser.error("--epochs must be at least 1")

    np.random.seed(args.seed)
    X = np.random.rand(5000,100)
    y = np.random.rand(5000,1)
    print("numpy notebook: NumPy %s, %d epochs, seed %d" % (np.__version__, args.epochs, args.seed))
    blasinfo.require_optimized("NumPy")
    sys.stdout.flush()

    start = time.perf_counter()
    W1,b1,W2,b2,W3,b3 = fitModel(X,y,n_iter=args.epochs,batch_size=500,lr=1e-3)
    seconds = time.perf_counter() - start

    final = MSELoss(y.reshape(1,-1),forward(W1,b1,W2,b2,W3,b3,X)[-1])
    print("final training MSE %.6g" % final)
    print("total %.3f s, %.1f GFLOP/s" % (seconds, seed_flops(args.epochs) / seconds / 1e9))


if __name__ == "__main__":
    main()
