#!/bin/bash
# Issue 18's per-step grid: ms per step at global batches 500 / 5,000 / 50,000 and P = 1, 2, 4, and the fixed
# cost of a step ('min': one row per partition, so the compute is next to nothing), one Spark job per step
# against barrier stages (alternated ROUNDS times), embedded (local[2]) and with two executor JVMs
# (local-cluster). Writes every RESULT/SUMMARY line, with the command and the load average before each run,
# to backprop-bench/results/spark-steps-DATE.txt (Spark's log to the .log beside it).
# Usage: backprop-spark-module/step-grid.sh [ROUNDS] [MODES]     (default 2 and jobs,barrier; see bench.sh)
# A 50,000-row partition needs more than a 1 GiB executor, hence the 3 GiB local-cluster for batch 50,000;
# with 50,000 rows that batch is one step an epoch, so both modes run one job per step there.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-2}
MODES=${2:-jobs,barrier}
OUT=backprop-bench/results/spark-steps-$(date -u +%Y%m%d-%H%M).txt
run() {
    echo "# $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg): backprop-spark-module/bench.sh $*"
    backprop-spark-module/bench.sh "$@" 2>>"${OUT%.txt}.log" | grep --line-buffered -E '^(RESULT|SUMMARY)'
}
{
    echo "# $(uname -m), $(nproc) cores, $(java -version 2>&1 | head -1), git $(git rev-parse --short HEAD)"
    run 'local[2]' 50000 min,500,5000,50000 1,2,4 "$ROUNDS" "$MODES"
    run 'local-cluster[2,1,1024]' 50000 min,500,5000 1,2,4 "$ROUNDS" "$MODES"
    run 'local-cluster[2,1,3072]' 50000 50000 1,2,4 "$ROUNDS" "$MODES"
    echo "# $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg): done"
} | tee "$OUT"
grep '^SUMMARY' "$OUT" | sed 's/^SUMMARY,//'
