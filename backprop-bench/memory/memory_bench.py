#!/usr/bin/env python3
"""Memory of `backprop train` (and predict, evaluate) on large CSV files, against the size of the
parsed numeric matrix.

For each row count it writes a CSV of 16 columns (numeric: 15 float features and a float target y;
--mixed also: 12 float features, 3 of them with ~1 % empty cells, 2 text columns of 8 and 50 levels,
1 integer column, target y; --kinds narrow: 2 numeric columns, one feature x and a float target y;
binary: one float feature x and a target y of two labels, "no" and "yes"), then runs

    ./backprop train --data FILE --target y --epochs E --batch-size B --out WORK/model.safetensors

with BACKPROP_JAVA_OPTS=-Xmx<f * M + 64 MiB> for the heap factors f in ascending order until one
succeeds, where M = rows x columns x 8 bytes is the parsed numeric matrix of the file (16 columns,
2 for narrow and binary). It reports the
smallest factor that worked, the live peak of that run (the largest heap occupancy after a full
collection, from its -Xlog:gc log), its peak RSS (/usr/bin/time -v, "Maximum resident set
size") and RSS / M, the network's input width w (one-hot columns and missing-value indicators
widen it) with RSS / X for the encoded training matrix X = rows x w x 8 bytes, and the reading rate: rows / seconds from the start of the process to its first
line on stdout (the task line, printed after reading, typing, splitting, encoding and standardizing
the table). A run at the JVM's default heap (a quarter of the machine's memory) is added with
--default-heap. With --commands train predict evaluate, `predict MODEL --data FILE --out
WORK/predictions.csv` and `evaluate MODEL --data FILE` are measured the same way on the model the
train run saved. The report goes to stdout and backprop-bench/results/memory-<date>.txt.

Needs numpy; ./backprop built (mvn -q -B -DskipTests package). Never part of the test run.
"""
import argparse
import datetime
import math
import os
import platform
import re
import subprocess
import sys
import tempfile
import time

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COLUMNS = {"numeric": 16, "mixed": 16, "narrow": 2, "binary": 2}
MIB = 1 << 20


def write_numeric(path, rows, seed):
    rng = np.random.default_rng(seed)
    coef = rng.standard_normal(15)
    with open(path, "w") as f:
        f.write(",".join([f"x{i}" for i in range(1, 16)] + ["y"]) + "\n")
        for start in range(0, rows, 500_000):
            n = min(500_000, rows - start)
            x = rng.standard_normal((n, 15))
            y = x @ coef + 0.1 * rng.standard_normal(n)
            np.savetxt(f, np.column_stack([x, y]), fmt="%.6g", delimiter=",")


def write_mixed(path, rows, seed):
    rng = np.random.default_rng(seed)
    coef = rng.standard_normal(12)
    small = np.array([f"level{i}" for i in range(8)])
    large = np.array([f"city_{i:02d}" for i in range(50)])
    with open(path, "w") as f:
        f.write(",".join([f"x{i}" for i in range(1, 13)] + ["kind", "city", "count", "y"]) + "\n")
        for start in range(0, rows, 500_000):
            n = min(500_000, rows - start)
            x = rng.standard_normal((n, 12))
            kind = rng.integers(0, 8, n)
            city = rng.integers(0, 50, n)
            count = rng.integers(0, 1000, n)
            y = x @ coef + 0.3 * kind - 0.01 * city + 0.001 * count + 0.1 * rng.standard_normal(n)
            cells = np.char.mod("%.6g", x)
            for c in range(3):
                cells[rng.random(n) < 0.01, c] = ""
            table = np.column_stack([cells, small[kind], large[city], count.astype(str),
                                     np.char.mod("%.6g", y)])
            f.write("\n".join(",".join(r) for r in table) + "\n")


def write_two_columns(path, rows, seed, labels):
    """One float feature x and a target y: 2x plus noise, or with labels the class "yes" or "no"."""
    rng = np.random.default_rng(seed)
    with open(path, "w") as f:
        f.write("x,y\n")
        for start in range(0, rows, 500_000):
            n = min(500_000, rows - start)
            x = rng.standard_normal(n)
            if labels:
                label = np.where(x + 0.5 * rng.standard_normal(n) > 0, "yes", "no")
                f.write("\n".join(f"{a:.6g},{b}" for a, b in zip(x, label)) + "\n")
            else:
                np.savetxt(f, np.column_stack([x, 2 * x + 0.1 * rng.standard_normal(n)]), fmt="%.6g", delimiter=",")


WRITERS = {"numeric": write_numeric, "mixed": write_mixed,
           "narrow": lambda path, rows, seed: write_two_columns(path, rows, seed, False),
           "binary": lambda path, rows, seed: write_two_columns(path, rows, seed, True)}


def live_peak(gc_log):
    """The largest heap occupancy after a full collection in a -Xlog:gc log (after any collection if
    there was no full one): the live data at its peak, as far as the collector saw it."""
    full, any_gc = 0, 0
    if not os.path.exists(gc_log):
        return 0
    for line in open(gc_log):
        m = re.search(r"Pause (Full|Young).*?(\d+)M->(\d+)M\((\d+)M\)", line)
        if m:
            after = int(m.group(3)) * MIB
            any_gc = max(any_gc, after)
            if m.group(1) == "Full":
                full = max(full, after)
    return full or any_gc


def command_line(command, data, work, epochs, batch, validation_split=None):
    model = os.path.join(work, "model.safetensors")
    if command == "train":
        return ["train", "--data", data, "--target", "y", "--epochs", str(epochs), "--batch-size", str(batch),
                "--out", model] + ([] if validation_split is None else ["--validation-split", str(validation_split)])
    if command == "predict":
        return ["predict", model, "--data", data, "--out", os.path.join(work, "predictions.csv")]
    return ["evaluate", model, "--data", data]


def run_train(data, work, java_opts, epochs, batch, command="train", validation_split=None, launcher=None):
    gc_log = os.path.join(work, "gc.log")
    if os.path.exists(gc_log):
        os.remove(gc_log)
    java_opts = f"{java_opts} -Xlog:gc:file={gc_log}".strip()
    env = dict(os.environ)
    env["BACKPROP_JAVA_OPTS"] = java_opts
    time_file = os.path.join(work, "time.txt")
    command = ["/usr/bin/time", "-v", "-o", time_file, launcher or os.path.join(REPO, "backprop")] + command_line(
        command, data, work, epochs, batch, validation_split)
    start = time.monotonic()
    first_line = None
    out_lines = []
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as p:
        for line in p.stdout:
            if first_line is None:
                first_line = time.monotonic() - start
            out_lines.append(line.rstrip("\n"))
        err = p.stderr.read()
        code = p.wait()
    elapsed = time.monotonic() - start
    text = open(time_file).read()
    rss_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return {"code": code, "rss": rss_kib * 1024, "live": live_peak(gc_log), "elapsed": elapsed,
            "first_line": first_line or elapsed,
            "stderr": err.strip().splitlines()[-1:] if err.strip() else [], "stdout": out_lines}


def inputs(stdout):
    """The network's input width from train's "training ... N features →" line."""
    for line in stdout:
        m = re.search(r"\), (\d+) features", line)
        if m:
            return int(m.group(1))
    return 0


def measure(command, kind, rows, data, work, args, width, say):
    """One line of the report: the smallest heap factor with which `command` succeeds on `data`."""
    matrix = rows * COLUMNS[kind] * 8
    failed = []
    result = None
    for f in sorted(args.factors):
        heap = math.ceil((f * matrix + 64 * MIB) / MIB)
        r = run_train(data, work, f"-Xmx{heap}m {args.extra_java_opts}".strip(), args.epochs, args.batch_size,
                      command, args.validation_split, args.launcher)
        if r["code"] == 0:
            result = (f, heap, r)
            break
        failed.append(f"{f:g} (exit {r['code']}"
                      f"{', out of memory' if 'out of memory' in ' '.join(r['stderr']) else ''})")
    line = f"{command:8} {kind:8} {rows:>10} {os.path.getsize(data) / MIB:>9.0f} {matrix / MIB:>8.0f} "
    if result:
        f, heap, r = result
        width = inputs(r["stdout"]) or width
        line += (f"{f:>6g} {heap:>9} {heap * MIB / matrix:>6.2f} {r['live'] / MIB:>9.0f} {r['live'] / matrix:>7.2f} "
                 f"{r['rss'] / MIB:>13.0f} {r['rss'] / matrix:>6.2f} {width:>4} "
                 f"{r['rss'] / (rows * max(width, 1) * 8):>6.2f} {rows / r['first_line']:>12.0f} "
                 f"{r['elapsed']:>8.1f}")
    else:
        line += f"{'none':>6}"
    say(line + ("  " + "; ".join(failed) if failed else ""))
    if args.default_heap:
        r = run_train(data, work, args.extra_java_opts, args.epochs, args.batch_size, command,
                      args.validation_split, args.launcher)
        say(f"{command:8} {kind:8} {rows:>10} {'':>9} {'':>8} {'dflt':>6} {'default':>9} {'':>6} "
            f"{r['live'] / MIB:>9.0f} {r['live'] / matrix:>7.2f} {r['rss'] / MIB:>13.0f} {r['rss'] / matrix:>6.2f}"
            f"  exit {r['code']}")
    return width


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 5_000_000, 10_000_000])
    parser.add_argument("--kinds", nargs="+", default=["numeric", "mixed"], choices=sorted(WRITERS))
    parser.add_argument("--factors", type=float, nargs="+", default=[1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0])
    parser.add_argument("--commands", nargs="+", default=["train"], choices=["train", "predict", "evaluate"],
                        help="predict and evaluate use the model the train run of the same file saved")
    parser.add_argument("--extra-java-opts", default="", help="added after -Xmx, e.g. -Xmn32m")
    parser.add_argument("--default-heap", action="store_true", help="also run once without -Xmx")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=1024)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--validation-split", type=float, default=None,
                        help="train with --validation-split X (train's default without --epochs is 0.1)")
    parser.add_argument("--launcher", default=None,
                        help="the backprop launcher to measure (default: ./backprop), e.g. one of an older build")
    parser.add_argument("--work", default=None, help="directory for the CSV files (default: a temporary one)")
    args = parser.parse_args()

    work = args.work or tempfile.mkdtemp(prefix="backprop-memory-")
    os.makedirs(work, exist_ok=True)
    os.makedirs(os.path.join(REPO, "backprop-bench", "results"), exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    report_path = os.path.join(REPO, "backprop-bench", "results", f"memory-{stamp}.txt")
    report = open(report_path, "w")

    def say(line=""):
        print(line, flush=True)
        report.write(line + "\n")
        report.flush()

    commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    say(f"== backprop memory benchmark  {datetime.datetime.now().isoformat(timespec='seconds')}")
    say(f"command: {' '.join(sys.argv)}")
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")),
               platform.machine())
    say(f"machine: {cpu}, {os.cpu_count()} cores, "
        f"load {open('/proc/loadavg').read().split()[:3]}, repo {commit}")
    if args.launcher:
        say(f"launcher: {args.launcher}")
    split = "" if args.validation_split is None else f" --validation-split {args.validation_split:g}"
    say(f"train: --epochs {args.epochs} --batch-size {args.batch_size}{split}; heap -Xmx = f * M + 64 MiB "
        f"{args.extra_java_opts}".rstrip())
    say("M = rows x columns (16; narrow, binary: 2) x 8 bytes (the parsed numeric matrix); live = the largest heap after a full GC at that -Xmx "
        "(-Xlog:gc); read rows/s = rows / seconds to the first stdout line")
    say()
    say(f"{'command':8} {'kind':8} {'rows':>10} {'file MiB':>9} {'M MiB':>8} {'min f':>6} {'-Xmx MiB':>9} "
        f"{'Xmx/M':>6} {'live MiB':>9} {'live/M':>7} {'peak RSS MiB':>13} {'RSS/M':>6} {'w':>4} {'RSS/X':>6} "
        f"{'read rows/s':>12} {'total s':>8}  failed at")
    for kind in args.kinds:
        for rows in args.rows:
            data = os.path.join(work, f"{kind}-{rows}.csv")
            if not os.path.exists(data):
                WRITERS[kind](data, rows, args.seed)
            width = 0
            for command in args.commands:
                width = measure(command, kind, rows, data, work, args, width, say)
    say()
    say(f"report: {os.path.relpath(report_path, REPO)}")


if __name__ == "__main__":
    main()
