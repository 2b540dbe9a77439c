#!/usr/bin/env python3
"""Peer of CsvReadBenchmark: reads a CSV file with pandas.read_csv (C engine), prints rows/s and peak RSS.

Usage: /usr/bin/python3 backprop-bench/peers/pandas_read_csv.py FILE [--float-precision default|round_trip] [--repeat N]

pandas' default float parser (float_precision=None, "high") is fast but not always correctly rounded;
"round_trip" uses Python's own correctly rounded conversion, which is what backprop's reader guarantees
(every value as Double.parseDouble gives it). Peak RSS is the process's VmHWM (/proc/self/status).
"""
import argparse
import os
import time

import pandas as pd


def peak_rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    return -1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--float-precision", default="default", choices=["default", "round_trip"])
    parser.add_argument("--repeat", type=int, default=1, help="best of N reads in this process")
    args = parser.parse_args()
    size = os.path.getsize(args.file)
    precision = None if args.float_precision == "default" else args.float_precision
    seconds = float("inf")
    for _ in range(max(1, args.repeat)):
        frame = None
        start = time.perf_counter()
        frame = pd.read_csv(args.file, engine="c", float_precision=precision)
        seconds = min(seconds, time.perf_counter() - start)
    checksum = 0.0
    for name in frame.columns:
        column = frame[name]
        if column.dtype.kind in "fi":
            checksum += float(column.iloc[::997].fillna(0).sum())
    print(f"pandas {pd.__version__} read_csv (C engine, float_precision={args.float_precision}): "
          f"{len(frame)} rows x {len(frame.columns)} columns, {size / 1e6:.1f} MB in {seconds:.3f} s (best of {max(1, args.repeat)}): "
          f"{len(frame) / seconds:.0f} rows/s, {size / 1e6 / seconds:.1f} MB/s, peak RSS {peak_rss_mb()} MB "
          f"(checksum {checksum:.6e})")
    print(f"total {seconds:.3f} s")


if __name__ == "__main__":
    main()
