#!/usr/bin/env python3
"""Peer of `backprop train` on a small table: the same protocol in PyTorch, timing fit() alone.

Usage:
  python3 torch_small_table.py generate FILE [--rows 1000] [--features 20] [--seed 0]
  /usr/bin/python3 torch_small_table.py fit FILE [--epochs 300] [--batch-size 32] [--layers 64,32]

generate writes a regression table (standard normal features, a nonlinear target with noise) as CSV.
fit reads it with pandas (not timed), standardizes the features and the target with their means and
standard deviations (as backprop train does), then trains Linear-ReLU layers and a linear output with
Adam (lr 1e-3), MSE, shuffled mini-batches every epoch, one intra-op thread (PyTorch's best on
networks this small), and prints the seconds of the training loop alone ("total <s> s") and the final
training MSE in standardized units (computed after the timer stops). Like `backprop train`, it does
not evaluate the whole training set after every epoch.
"""
import argparse
import time


def generate(args):
    import numpy as np
    rng = np.random.default_rng(args.seed)
    x = rng.standard_normal((args.rows, args.features))
    y = np.sin(x[:, 0]) + x[:, 1] * x[:, 2] + 0.5 * x[:, 3] ** 2 + 0.1 * rng.standard_normal(args.rows)
    with open(args.file, "w") as f:
        f.write(",".join([f"x{i}" for i in range(args.features)] + ["y"]) + "\n")
        for row, target in zip(x, y):
            f.write(",".join(repr(float(v)) for v in row) + "," + repr(float(target)) + "\n")
    print(f"wrote {args.file}: {args.rows} rows, {args.features} features")


def fit(args):
    import pandas as pd
    import torch
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    frame = pd.read_csv(args.file)
    x = torch.tensor(frame.drop(columns=["y"]).to_numpy(), dtype=torch.float64)
    y = torch.tensor(frame[["y"]].to_numpy(), dtype=torch.float64)
    x = (x - x.mean(0)) / x.std(0)
    y = (y - y.mean(0)) / y.std(0)
    sizes = [x.shape[1]] + [int(s) for s in args.layers.split(",")]
    layers = []
    for a, b in zip(sizes, sizes[1:]):
        layers += [torch.nn.Linear(a, b), torch.nn.ReLU()]
    model = torch.nn.Sequential(*layers, torch.nn.Linear(sizes[-1], 1)).to(torch.float64)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.MSELoss()
    rows = x.shape[0]
    start = time.perf_counter()
    for _ in range(args.epochs):
        order = torch.randperm(rows)
        for b in range(0, rows, args.batch_size):
            idx = order[b:b + args.batch_size]
            optimizer.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            optimizer.step()
    seconds = time.perf_counter() - start
    with torch.no_grad():
        mse = float(loss_fn(model(x), y))
    print(f"PyTorch {torch.__version__} fit: {rows} rows, layers {args.layers}, {args.epochs} epochs, "
          f"batch {args.batch_size}, Adam 1e-3, final training MSE {mse:.4f} (standardized)")
    print(f"total {seconds:.3f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("file")
    g.add_argument("--rows", type=int, default=1000)
    g.add_argument("--features", type=int, default=20)
    g.add_argument("--seed", type=int, default=0)
    f = sub.add_parser("fit")
    f.add_argument("file")
    f.add_argument("--epochs", type=int, default=300)
    f.add_argument("--batch-size", type=int, default=32)
    f.add_argument("--layers", default="64,32")
    f.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    generate(args) if args.command == "generate" else fit(args)


if __name__ == "__main__":
    main()
