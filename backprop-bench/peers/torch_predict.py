#!/usr/bin/env python3
"""Peer of PredictionLoop: PyTorch inference measured the same way, as a whole loop.

Networks: seed 100-128-256-1 and tabular 20-64-32-1 (ReLU, nn.Linear), eager mode under
torch.no_grad() (and torch.jit.trace + freeze with --jit). For each dtype and thread count
(torch.set_num_threads):
  one row: 50,000 calls after 50,000 warm-up calls, each timed on its own: p50 and p99 in us;
  batches of 1,000 and 100,000 rows: rows per second, median of 7 timed repetitions of at least
  100,000 rows each, after 2 warm-up repetitions.
Output lines, as PredictionLoop's:
  one-row NET DTYPE THREADS p50 US p99 US bytes nan
  batch ROWS NET DTYPE THREADS rows/s R

Usage: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 torch_predict.py [--threads 1,2] [--dtypes float64,float32] [--jit]
"""
import argparse
import os
import sys
import time

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blasinfo  # noqa: E402

NETWORKS = {"seed": (100, 128, 256), "tabular": (20, 64, 32)}
ROW_WARMUP = ROW_CALLS = 50_000
BATCH_REPS = 7


def build(shape, dtype, jit):
    inputs, h1, h2 = shape
    model = nn.Sequential(nn.Linear(inputs, h1), nn.ReLU(), nn.Linear(h1, h2), nn.ReLU(), nn.Linear(h2, 1))
    model = model.to(dtype).eval()
    if jit:
        with torch.no_grad():
            model = torch.jit.freeze(torch.jit.trace(model, torch.rand(1, inputs, dtype=dtype)))
    return model


def measure(name, shape, dtype_name, threads, jit):
    torch.set_num_threads(threads)
    dtype = getattr(torch, dtype_name)
    model = build(shape, dtype, jit)
    what = "%s %s %d" % (name, dtype_name, threads)
    with torch.no_grad():
        row = torch.rand(1, shape[0], dtype=dtype) * 2 - 1
        for _ in range(ROW_WARMUP):
            model(row)
        nanos = []
        for _ in range(ROW_CALLS):
            t0 = time.perf_counter_ns()
            model(row)
            nanos.append(time.perf_counter_ns() - t0)
        nanos.sort()
        print("one-row %s p50 %.2f us p99 %.2f us bytes nan" % (
            what, nanos[ROW_CALLS // 2] / 1e3, nanos[int(ROW_CALLS * 0.99)] / 1e3), flush=True)
        for rows in (1_000, 100_000):
            x = torch.rand(rows, shape[0], dtype=dtype) * 2 - 1
            inner = max(1, 100_000 // rows)
            rates = []
            for rep in range(-2, BATCH_REPS):
                t0 = time.perf_counter()
                for _ in range(inner):
                    model(x)
                elapsed = time.perf_counter() - t0
                if rep >= 0:
                    rates.append(rows * inner / elapsed)
            rates.sort()
            print("batch %d %s rows/s %.0f" % (rows, what, rates[BATCH_REPS // 2]), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--dtypes", default="float64,float32")
    parser.add_argument("--jit", action="store_true", help="torch.jit.trace + freeze instead of eager")
    args = parser.parse_args()
    torch.manual_seed(1)
    print("torch predict: PyTorch %s, %s" % (torch.__version__, "jit (trace + freeze)" if args.jit else "eager"))
    blasinfo.require_optimized("PyTorch")
    for name, shape in NETWORKS.items():
        for dtype_name in args.dtypes.split(","):
            for threads in (int(t) for t in args.threads.split(",")):
                measure(name, shape, dtype_name, threads, args.jit)


if __name__ == "__main__":
    main()
