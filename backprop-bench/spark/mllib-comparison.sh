#!/bin/bash
# backprop-spark's BackpropClassifier against Spark MLlib's MultilayerPerceptronClassifier, same session, data,
# split, features and hidden layers (org.backprop.spark.bench.MllibComparison); writes a Markdown report to
# backprop-bench/results/. Every point is a fit from scratch; MLlib's and backprop's fits run interleaved after
# one untimed warm-up fit of each.
# Usage: backprop-bench/spark/mllib-comparison.sh [MASTER] [DATA] [HIDDEN] [P] [BATCHES] [MLLIB_ITERS] [EPOCHS] [RATES] [ACTIVATIONS]
#   DATA: synthetic:ROWS (50 features, 10 classes; the report adds the test rows' Bayes limit) or csv:FILE:LABEL,
#     e.g. the attrition table of R's modeldata:
#     Rscript -e 'write.csv(modeldata::attrition, "/tmp/attrition.csv", row.names=FALSE)'
#     backprop-bench/spark/mllib-comparison.sh 'local[2]' csv:/tmp/attrition.csv:Attrition 16 2 128 10,25,50,100 5,10,20,40
#   BATCHES: backprop's global batch sizes; RATES: Adam's learning rates, 'default' for Adam's default (0.001);
#   ACTIVATIONS: backprop's hidden activation (MLlib's is sigmoid); all comma-separated, and every activation
#     with every batch and rate is one series of EPOCHS fits.
#   default: 'local[2]' synthetic:200000 64 2 1024 10,25,50,100 1,2,4,8 default relu
#   issue 18's synthetic comparison (SPARK.md, "Against Spark MLlib"):
#     backprop-bench/spark/mllib-comparison.sh 'local[2]' synthetic:200000 64 2 1024 50,100,200,400 2,3,4,6,8,12 0.003 tanh
set -euo pipefail
cd "$(dirname "$0")/../.."
MASTER=${1:-local[2]}
DATA=${2:-synthetic:200000}
HIDDEN=${3:-64}
P=${4:-2}
BATCHES=${5:-1024}
ITERS=${6:-10,25,50,100}
EPOCHS=${7:-1,2,4,8}
RATES=${8:-default}
ACTIVATIONS=${9:-relu}
. backprop-bench/spark/bench-java.sh
NAME=$(echo "$DATA" | sed 's/^csv:.*\/\([^/:]*\)\.csv:.*/\1/; s/:/-/g')
REPORT=backprop-bench/results/spark-mllib-$NAME-$(date -u +%Y%m%d-%H%M%S).md
SPARK_LOCAL_IP=127.0.0.1 exec "${BENCH_JAVA[@]}" org.backprop.spark.bench.MllibComparison \
    "$MASTER" "$DATA" "$HIDDEN" "$P" "$BATCHES" "$ITERS" "$EPOCHS" "$RATES" "$ACTIVATIONS" "$REPORT"
