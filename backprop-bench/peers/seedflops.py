#!/usr/bin/env python3
"""Floating-point operations of the seed workload: the Python twin of SeedWorkload.flops(epochs)
in backprop-core (keep the two in step; compare-peers.sh cross-checks this count against the
GFLOP/s and seconds that `backprop demo` prints).

Per epoch, 5000 rows x (2 forward products + 2 weight-gradient products + input gradients of all
layers but the first), plus one full 5000-row forward per evaluation: epochs 0, 50, 100, ... and
the last. 1000 epochs: 1.2563 TFLOP. The NumPy notebook evaluates one time fewer (it skips the last
epoch), a difference of 0.04 %, ignored.

Usage: python3 seedflops.py EPOCHS   (prints the count)
"""
import sys

ROWS = 5000
PRINT_EVERY = 50
LAYERS = [(100, 128), (128, 256), (256, 1)]


def seed_flops(epochs):
    forward_per_row = 2.0 * sum(i * o for i, o in LAYERS)
    input_grad_per_row = 2.0 * sum(i * o for i, o in LAYERS[1:])
    per_epoch = ROWS * (2 * forward_per_row + input_grad_per_row)
    evaluations = (epochs - 1) // PRINT_EVERY + 1 + (0 if (epochs - 1) % PRINT_EVERY == 0 else 1)
    return epochs * per_epoch + evaluations * ROWS * forward_per_row


if __name__ == "__main__":
    if len(sys.argv) != 2 or not sys.argv[1].isdigit() or int(sys.argv[1]) < 1:
        sys.exit("usage: seedflops.py EPOCHS")
    print("%.0f" % seed_flops(int(sys.argv[1])))
