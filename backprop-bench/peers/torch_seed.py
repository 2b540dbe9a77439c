#!/usr/bin/env python3
"""The seed workload in PyTorch, the idiomatic way, as a peer for backprop.

X (5000x100) and y (5000x1) uniform in [0, 1); nn.Sequential(Linear(100,128), ReLU,
Linear(128,256), ReLU, Linear(256,1)) with PyTorch's default weight init (uniform in
+-1/sqrt(fan_in), as the notebook) and zero biases (as the notebook); MSELoss() (mean); SGD with
two parameter groups, lr 0.25 for weights and 5e-4 for biases (the notebook's update rule for a mean
loss); batches of 500 from a fresh permutation every epoch; the full training loss printed every 50
epochs (and after the last); then, as `backprop demo` does:

    total <seconds> s, <GFLOP/s> GFLOP/s

Run it with Debian's interpreter and PyTorch: /usr/bin/python3 torch_seed.py --dtype float64.
Intra-op threads default to 1 (torch.set_num_threads(1)); the BLAS under it takes its threads from
OPENBLAS_NUM_THREADS (2 is PyTorch's best 2-core setting on the reference machine).

Usage: torch_seed.py [--dtype float64|float32] [--epochs 1000] [--seed 0] [--torch-threads 1]
"""
import argparse
import os
import sys
import time

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blasinfo  # noqa: E402
from seedflops import seed_flops  # noqa: E402

ROWS, FEATURES, BATCH, PRINT_EVERY = 5000, 100, 500, 50


def build(dtype):
    model = nn.Sequential(nn.Linear(100, 128), nn.ReLU(), nn.Linear(128, 256), nn.ReLU(), nn.Linear(256, 1))
    model = model.to(dtype)
    with torch.no_grad():
        for layer in model:
            if isinstance(layer, nn.Linear):
                layer.bias.zero_()
    weights = [p for name, p in model.named_parameters() if name.endswith("weight")]
    biases = [p for name, p in model.named_parameters() if name.endswith("bias")]
    optimizer = torch.optim.SGD([{"params": weights, "lr": 0.25}, {"params": biases, "lr": 5e-4}])
    return model, optimizer


def train(model, optimizer, x, y, epochs, generator):
    loss_fn = nn.MSELoss()
    for epoch in range(epochs):
        order = torch.randperm(ROWS, generator=generator)
        for begin in range(0, ROWS, BATCH):
            idx = order[begin:begin + BATCH]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            optimizer.step()
        if epoch % PRINT_EVERY == 0 or epoch == epochs - 1:
            with torch.no_grad():
                full = loss_fn(model(x), y).item()
            if epoch % PRINT_EVERY == 0:
                print("Epoch  %d Loss:  %r" % (epoch, full), flush=True)
    return full


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dtype", choices=["float64", "float32"], default="float64")
    parser.add_argument("--epochs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--torch-threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    args = parser.parse_args()
    if args.epochs < 1:
        parser.error("--epochs must be at least 1")

    torch.set_num_threads(args.torch_threads)
    torch.manual_seed(args.seed)
    dtype = getattr(torch, args.dtype)
    generator = torch.Generator().manual_seed(args.seed)
    x = torch.rand(ROWS, FEATURES, generator=generator, dtype=dtype)
    y = torch.rand(ROWS, 1, generator=generator, dtype=dtype)
    model, optimizer = build(dtype)

    print("torch seed: PyTorch %s, %s, %d epochs, seed %d, torch threads %d" % (
        torch.__version__, args.dtype, args.epochs, args.seed, torch.get_num_threads()))
    blasinfo.require_optimized("PyTorch")

    start = time.perf_counter()
    final = train(model, optimizer, x, y, args.epochs, generator)
    seconds = time.perf_counter() - start

    print("final training MSE %.6g" % final)
    print("total %.3f s, %.1f GFLOP/s" % (seconds, seed_flops(args.epochs) / seconds / 1e9))


if __name__ == "__main__":
    main()
