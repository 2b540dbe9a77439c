#!/usr/bin/env python3
"""The seed notebook (/work/shared/seeds/mlp-backprop.txt) as a timed script.

The notebook's code cells In [2]-[8] are copied VERBATIM below (comments and the unused batchLoader
included). What this script adds: np.random.seed(SEED) before the data is drawn (the notebook has
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

# ---------------------------------------------------------------- notebook code, verbatim (In [2]-[8])

# @njit
def forward(W1,b1,W2,b2,W3,b3,X):
    O1 = W1 @ X.T + b1
    G1 = np.maximum(0,O1)
    O2 = W2 @ G1 + b2
    G2 = np.maximum(0,O2)
    O3 = W3 @ G2 + b3
    return O1,O2,O3

# @njit
def mean_numba(X):
    R = []
    for i in np.arange(X.shape[0]):
        R.append(X[i,:].mean())
    return np.array(R).reshape(-1,1) * 1.0

# @njit
def backward(W1,b1,W2,b2,W3,b3,S,Y,O1,O2,O3,lr):
    # print(O3.shape,Y.shape)
    dO3 = (O3-Y.T)
    dG2 =  W3.T.dot(dO3)
    dG1 = W2.T.dot(dG2 * (O2 >= 0))
    dW1 =  (dG1 * (O1 >= 0)).dot(S)
    dB1 = mean_numba(dG1 * (O1 >= 0))#np.mean(dG1 * (O1 > 0)) #
    dW2 = (dG2 * (O2 >= 0)).dot(np.maximum(0,O1).T)
    dB2 = mean_numba(dG2 * (O2 >= 0)) #dG2 * (O2 > 0) * np.ones_like(b2) / b2[0]#np.mean(dG2 * (O2 > 0))#
    dW3 = dO3.dot(np.maximum(0,O2).T)
    dB3 = mean_numba(dO3) #dO3 * np.ones_like(b3) / b3[0] #np.mean(dO3)#
    # print(dB1,dW1,dW2,dB2,dW3,dB3)
    # print()
    W1 = W1 - dW1*lr
    b1 = b1 - dB1*lr
    W2 = W2 - dW2*lr
    b2 = b2 - dB2*lr
    W3 = W3 - dW3*lr
    b3 = b3 - dB3*lr
    return W1,b1,W2,b2,W3,b3

# @njit
def batchLoader(S,Y,batch_size=16):
    n_samples = S.shape[0]
    idx = np.arange(n_samples)
    np.random.shuffle(idx)
    S,Y = S[idx],Y[idx]
    for i in np.arange(0, n_samples, batch_size):
        begin, end = i, min(i + batch_size, n_samples)
        yield S[begin:end] , Y[begin:end]

# @njit
def updateParams(W1,b1,W2,b2,W3,b3,S,Y,batch_size=16,lr=1e-4):
    n_samples = S.shape[0]
    idx = np.arange(n_samples)
    np.random.shuffle(idx)
    S,Y = S[idx],Y[idx]
    for i in np.arange(0, n_samples, batch_size):
        begin, end = i, min(i + batch_size, n_samples)
        s,y =  S[begin:end] , Y[begin:end]
        O1,O2,O3 = forward(W1,b1,W2,b2,W3,b3,s)
        W1,b1,W2,b2,W3,b3 = backward(W1,b1,W2,b2,W3,b3,s,y,O1,O2,O3,lr)
    return W1,b1,W2,b2,W3,b3

# @njit
def MSELoss(y_true,y_pred):
    return np.mean(np.square(y_true-y_pred))

# @njit
def fitModel(X,y,n_iter=10,batch_size=16,lr=1e-4):
    W1 = np.random.uniform(low=-1/np.sqrt(X.shape[1]),high=1/np.sqrt(X.shape[1]),size=(128 ,X.shape[1]))
    b1 = np.zeros((128,1)) * 1.0
    W2 = np.random.uniform(low=-1/np.sqrt(128),high=1/np.sqrt(128),size=(256,128))
    b2 = np.zeros((256,1)) * 1.0
    W3 = np.random.uniform(low=-1/np.sqrt(256),high=1/np.sqrt(256),size=(1,256))
    b3 = np.zeros((1,1)) * 1.0
    for _ in range(n_iter):
        W1,b1,W2,b2,W3,b3 = updateParams(W1,b1,W2,b2,W3,b3,X,y,batch_size=batch_size,lr=lr)
        if _ % 50 == 0:
            print('Epoch ',_, 'Loss: ',MSELoss(y.reshape(1,-1),forward(W1,b1,W2,b2,W3,b3,X)[-1]))
    return W1,b1,W2,b2,W3,b3

# ---------------------------------------------------------------- end of notebook code


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
    print(blasinfo.describe())
    sys.stdout.flush()

    start = time.perf_counter()
    W1,b1,W2,b2,W3,b3 = fitModel(X,y,n_iter=args.epochs,batch_size=500,lr=1e-3)
    seconds = time.perf_counter() - start

    final = MSELoss(y.reshape(1,-1),forward(W1,b1,W2,b2,W3,b3,X)[-1])
    print("final training MSE %.6g" % final)
    print("total %.3f s, %.1f GFLOP/s" % (seconds, seed_flops(args.epochs) / seconds / 1e9))


if __name__ == "__main__":
    main()
