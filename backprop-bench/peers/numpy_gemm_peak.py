#!/usr/bin/env python3
"""NumPy's large square GEMM rate: the ceiling a BLAS-backed seed workload could approach.

For each dtype, C = A @ B with n x n operands (default n = 2048; 2 n^3 FLOP per product), one
warm-up product, then the best of --repeats timed products. Prints, per dtype, a line

    peak <dtype> <GFLOP/s> GFLOP/s (n=<n>, best of <r>, <seconds> s)

The thread count and OpenBLAS kernel come from the environment; the "blas" line shows them.

Usage: python3 numpy_gemm_peak.py [--size 2048] [--repeats 7] [--dtype float64 float32]
"""
import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blasinfo  # noqa: E402


def best_seconds(n, dtype, repeats):
    rng = np.random.default_rng(0)
    a = rng.random((n, n)).astype(dtype)
    b = rng.random((n, n)).astype(dtype)
    c = np.empty((n, n), dtype=dtype)
    np.matmul(a, b, out=c)  # warm-up: thread pool, page faults
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        np.matmul(a, b, out=c)
        best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2048)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--dtype", nargs="+", default=["float64", "float32"], choices=["float64", "float32"])
    args = parser.parse_args()
    print("numpy gemm peak: NumPy %s" % np.__version__)
    blasinfo.require_optimized("NumPy")
    for dtype in args.dtype:
        seconds = best_seconds(args.size, dtype, args.repeats)
        print("peak %s %.1f GFLOP/s (n=%d, best of %d, %.4f s)" % (
            dtype, 2.0 * args.size ** 3 / seconds / 1e9, args.size, args.repeats, seconds), flush=True)


if __name__ == "__main__":
    main()
