#!/bin/bash
# A cheap, Spark-free scan of Adam's learning rate and batch size on mllib-comparison.sh's synthetic set
# (org.backprop.spark.bench.LocalLearningCurves): one local Trainer fit per (activation, batch, rate), the test accuracy
# after every epoch, and the test rows' Bayes limit. Prints CSV-like lines to stdout.
# Usage: backprop-bench/spark/learning-curves.sh [ROWS] [HIDDEN] [BATCHES] [RATES] [EPOCHS] [THREADS] [ACTIVATIONS]
#   default: 200000 64 256,512,1024 0.001,0.003,0.01,0.03 30 2 relu
set -euo pipefail
cd "$(dirname "$0")/../.."
. backprop-bench/spark/bench-java.sh
exec "${BENCH_JAVA[@]}" org.backprop.spark.bench.LocalLearningCurves "${1:-200000}" "${2:-64}" \
    "${3:-256,512,1024}" "${4:-0.001,0.003,0.01,0.03}" "${5:-30}" "${6:-2}" "${7:-relu}"
