#!/usr/bin/env bash
# Prediction side by side: backprop's Predictor (PredictionLoop) against PyTorch eager under
# torch.no_grad() and torch.jit (trace + freeze), measured the same way (see PredictionLoop and
# peers/torch_predict.py), ROUNDS alternating rounds, best of each kept. Prints one-row p50/p99
# latency and batch throughput per network, dtype and thread count, and the ratios:
#   one row: PyTorch's best p50 / backprop's p50 (target >= 20x); batches: backprop rows/s / PyTorch's
#   best rows/s (target >= 2x). Writes the report to backprop-bench/results/prediction-<date>.txt.
# Build first: mvn -q -B -DskipTests package. Peers: backprop-bench/setup-peers.sh.
# Environment: ROUNDS=2, THREADS=1,2, DTYPES=float64,float32, TORCH_PYTHON=/usr/bin/python3.
set -euo pipefail
export LC_ALL=C
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
ROUNDS="${ROUNDS:-2}" THREADS="${THREADS:-1,2}" DTYPES="${DTYPES:-float64,float32}"
TORCH_PYTHON="${TORCH_PYTHON:-/usr/bin/python3}"
stamp="$(date +%Y%m%d-%H%M%S)"
mkdir -p "$bench/results"
report="$bench/results/prediction-$stamp.txt"
raw="$(mktemp)"
trap 'rm -f "$raw"' EXIT
exec > >(tee "$report") 2>&1

echo "== backprop compare-prediction  $(date -Is)"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for ((round = 1; round <= ROUNDS; round++)); do
  echo "-- round $round"
  "$bench/bench-java" PredictionLoop --threads "$THREADS" --dtypes "$DTYPES" | sed 's/^/backprop /' | tee -a "$raw"
  for mode in eager jit; do
    flag=(); [ "$mode" = jit ] && flag=(--jit)
    if ! OPENBLAS_NUM_THREADS=1 "$TORCH_PYTHON" "$bench/peers/torch_predict.py" --threads "$THREADS" \
        --dtypes "$DTYPES" "${flag[@]}" > "$raw.peer" 2>&1; then
      echo "torch-$mode not available: $(tail -n1 "$raw.peer")"
    fi
    sed "s/^/torch-$mode /" "$raw.peer" | tee -a "$raw"
  done
done
rm -f "$raw.peer"
echo
echo "== best of $ROUNDS rounds; ratios: one row = best PyTorch p50 / backprop p50, batch = backprop rows/s / best PyTorch rows/s"
summary() {  # part: one-row | batch
  awk -v part="$1" '
    $2 == "one-row" { key = $3 " " $4 " " $5
                      if (!(($1, key) in p50) || $7 + 0 < p50[$1, key]) { p50[$1, key] = $7; p99[$1, key] = $10; bytes[$1, key] = $13 }
                      keys[key] = 1 }
    $2 == "batch"   { key = $4 " " $5 " " $6 " " $3
                      if (!(($1, key) in rate) || $8 + 0 > rate[$1, key]) rate[$1, key] = $8
                      bkeys[key] = 1 }
    END {
      if (part == "one-row") for (k in keys) {
        peer = p50["torch-eager", k]; j = p50["torch-jit", k]
        if (j != "" && (peer == "" || j + 0 < peer + 0)) peer = j
        printf "%-24s %12s %10s %10s %12s %10s %8.1fx\n", k, p50["backprop", k], p99["backprop", k], bytes["backprop", k],
               p50["torch-eager", k], j, (peer + 0) / p50["backprop", k]
      }
      if (part == "batch") for (k in bkeys) {
        peer = rate["torch-eager", k]; j = rate["torch-jit", k]
        if (j + 0 > peer + 0) peer = j
        printf "%-30s %14s %14s %14s %8.2fx\n", k, rate["backprop", k], rate["torch-eager", k], j,
               (peer > 0 ? rate["backprop", k] / peer : 0)
      }
    }' "$raw" | sort
}
printf '%-24s %12s %10s %10s %12s %10s %9s\n' "one row: net dtype thr" "p50 us" "p99 us" "bytes/call" "torch p50" "jit p50" "ratio"
summary one-row
echo
printf '%-30s %14s %14s %14s %9s\n' "batch: net dtype thr rows" "rows/s" "torch rows/s" "jit rows/s" "ratio"
summary batch
echo
echo "report: ${report#"$repo"/}"
