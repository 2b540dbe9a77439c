#!/usr/bin/env bash
# Peak memory of `backprop train` on large CSV files (1, 5 and 10 million rows x 16 columns, numeric
# and mixed-type; --kinds narrow binary: 2 columns), against the parsed numeric matrix M = rows x
# columns x 8 bytes: the smallest heap
# (-Xmx = f * M + 64 MiB) that trains, the peak RSS of that run and the reading rate. Writes
# backprop-bench/results/memory-<date>.txt. Needs numpy and ./backprop built
# (mvn -q -B -DskipTests package); the files go to WORK (default: a temporary directory; 10M rows
# take about 1.5 GB each). Arguments are passed on, e.g. --rows 1000000 --kinds numeric narrow, or
# --extra-java-opts -Xmn32m to see the live peak without the young generation's share of the heap.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "${PYTHON:-python3}" "$here/memory/memory_bench.py" ${WORK:+--work "$WORK"} "$@"
