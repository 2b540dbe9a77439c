"""The shapes of backprop-bench's SeedShapesCpuTime through NumPy (OpenBLAS), float64 and float32,
timed in the thread's CPU time (time.thread_time), best of 5 batches: run with
OPENBLAS_NUM_THREADS=1, alternately with `backprop-bench/bench-java SeedShapesCpuTime`.

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 backprop-bench/peers/numpy_shapes_cpu.py [rounds]
"""
import sys
import time

import numpy as np

# form, m, n, k of C (m x n) = (A or A^T) (B or B^T), depth k: N1, N2, dW2, dA1, dW1, 1024^3
SHAPES = [("mult", 500, 128, 100), ("mult", 500, 256, 128), ("multTransA", 128, 256, 500),
          ("multTransB", 500, 128, 256), ("multTransA", 100, 128, 500), ("mult", 1024, 1024, 1024)]


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    rng = np.random.default_rng(1)
    print("numpy %s, thread CPU time" % np.__version__)
    for r in range(1, rounds + 1):
        for form, m, n, k in SHAPES:
            line = "round %d  %-10s %4d×%4d k %4d  " % (r, form, m, n, k)
            for dt in (np.float64, np.float32):
                a = (rng.random((k, m) if form == "multTransA" else (m, k)) - 0.5).astype(dt)
                b = (rng.random((n, k) if form == "multTransB" else (k, n)) - 0.5).astype(dt)
                c = np.empty((m, n), dt)
                lhs = a.T if form == "multTransA" else a
                rhs = b.T if form == "multTransB" else b
                calls = int(max(5, 1e8 / (m * n * k)))
                for _ in range(calls // 2 + 5):
                    np.matmul(lhs, rhs, out=c)
                best = float("inf")
                for _ in range(5):
                    t0 = time.thread_time()
                    for _ in range(calls):
                        np.matmul(lhs, rhs, out=c)
                    best = min(best, time.thread_time() - t0)
                us = best / calls * 1e6
                line += " %s %9.1f us %6.1f GFLOP/s " % ("float64" if dt is np.float64 else "float32", us,
                                                          2.0 * m * n * k / us / 1e3)
            print(line, flush=True)


if __name__ == "__main__":
    main()
