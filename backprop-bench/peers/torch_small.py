#!/usr/bin/env python3
"""Peer of SmallNetworkBenchmark: 16 -> 32 -> 32 -> 1 ReLU, MSE, Adam (lr 1e-3), batch 32, 10,000 rows,
one thread; prints the median microseconds per training step over the epochs after 3 warm-up epochs.

Usage: /usr/bin/python3 backprop-bench/peers/torch_small.py [--epochs 20] [--dtype float64|float32]
"""
import argparse
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blasinfo  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--dtype", default="float64", choices=["float64", "float32"])
    args = parser.parse_args()
    torch.set_num_threads(1)
    blasinfo.require_optimized("PyTorch")
    torch.manual_seed(1)
    dtype = torch.float64 if args.dtype == "float64" else torch.float32
    rows, batch = 10_000, 32
    x = torch.rand(rows, 16, dtype=dtype) * 2 - 1
    y = torch.rand(rows, 1, dtype=dtype) * 2 - 1
    model = torch.nn.Sequential(torch.nn.Linear(16, 32), torch.nn.ReLU(), torch.nn.Linear(32, 32),
                                torch.nn.ReLU(), torch.nn.Linear(32, 1)).to(dtype)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.MSELoss()
    steps = (rows + batch - 1) // batch
    times = []
    for _ in range(args.epochs):
        start = time.perf_counter()
        order = torch.randperm(rows)
        for b in range(steps):
            idx = order[b * batch:(b + 1) * batch]
            optimizer.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            optimizer.step()
        times.append(time.perf_counter() - start)
    measured = sorted(times[3:])
    print(f"torch {torch.__version__} small network 16-32-32-1, batch {batch}, {args.dtype}, 1 thread: "
          f"{measured[len(measured) // 2] / steps * 1e6:.1f} us/step")


if __name__ == "__main__":
    main()
