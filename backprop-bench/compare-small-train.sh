#!/usr/bin/env bash
# Small tables, whole process: `backprop train` on a 1,000-row CSV (20 numeric features, a regression
# target), 64-32 ReLU network, 300 epochs, batch 32, Adam 1e-3, no validation split, as one whole
# process (JVM start, reading, type inference, standardization, training, writing the model), against
# PyTorch's training loop alone on the same file and protocol (peers/torch_small_table.py fit: pandas
# reading and standardization not timed, one intra-op thread). Same per-epoch work on both sides: a
# shuffle and the mini-batch steps, no evaluation of the whole training set after each epoch
# (backprop train evaluates it once after the last epoch and reports its metrics, inside the timed
# process; the peer computes its final MSE outside its timer). Alternates ROUNDS times, keeps the best
# of each, prints the ratio (target >= 4x) and writes backprop-bench/results/small-train-<date>.txt.
# backprop runs twice a round: as users run it (the launcher's class-data sharing archive, made by an
# untimed first run into CDS_CACHE) and with BACKPROP_CDS=0, so the archive's effect is an A/B of
# the same run.
#
# Environment: ROUNDS=3  EPOCHS=300  ROWS=1000  LOAD=0 (extra busy processes during the runs)
#              TORCH_PYTHON=/usr/bin/python3  BACKPROP=./backprop (the launcher)
#              CDS_CACHE=<temp dir> (BACKPROP_CACHE_DIR of the runs; a fresh one unless given)
# Build first: mvn -q -B -DskipTests package
set -euo pipefail
export LC_ALL=C
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
EPOCHS="${EPOCHS:-300}"
ROWS="${ROWS:-1000}"
LOAD="${LOAD:-0}"
TORCH_PYTHON="${TORCH_PYTHON:-/usr/bin/python3}"
BACKPROP="${BACKPROP:-$repo/backprop}"
for v in ROUNDS EPOCHS ROWS; do
  if ! [[ "${!v}" =~ ^[1-9][0-9]*$ ]]; then
    echo "compare-small-train: $v must be a positive integer, got '${!v}'" >&2
    exit 2
  fi
done
if ! [[ "$LOAD" =~ ^[0-9]+$ ]]; then
  echo "compare-small-train: LOAD must be a whole number, got '$LOAD'" >&2
  exit 2
fi
if ! "$TORCH_PYTHON" -c 'import torch, pandas' 2>/dev/null; then
  echo "compare-small-train: $TORCH_PYTHON cannot import torch and pandas (backprop-bench/setup-peers.sh)" >&2
  exit 3
fi
work="$(mktemp -d)"
busy_pids=()
cleanup() {
  local pid
  for pid in "${busy_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
stamp="$(date +%Y%m%d-%H%M%S)"
mkdir -p "$bench/results"
report="$bench/results/small-train-$stamp.txt"
exec > >(tee "$report") 2>&1

export BACKPROP_CACHE_DIR="${CDS_CACHE:-$work/cache}"
data="$work/small.csv"
"$TORCH_PYTHON" "$bench/peers/torch_small_table.py" generate "$data" --rows "$ROWS" > /dev/null
backprop_args=(train --data "$data" --target y --layers 64,32 --epochs "$EPOCHS" --batch-size 32 --optimizer adam
  --lr 0.001 --validation-split 0 --out "$work/model.safetensors")
torch_args=("$bench/peers/torch_small_table.py" fit "$data" --epochs "$EPOCHS" --batch-size 32 --layers 64,32)
for ((i = 0; i < LOAD; i++)); do
  python3 -c 'while 1: pass' &
  busy_pids+=($!)
done

echo "== backprop compare-small-train  $(date -Is)"
echo "machine:   $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "repo:      $(basename "$repo") @ $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo" diff --quiet 2>/dev/null || echo ' (uncommitted changes)')"
echo "data:      $ROWS rows x 20 features + y (peers/torch_small_table.py generate), ROUNDS=$ROUNDS, LOAD=$LOAD"
echo "backprop:  ${BACKPROP#"$repo"/} ${backprop_args[*]//$work/<tmp>}   (whole process)"
shown=("${torch_args[@]//$work/<tmp>}")
echo "PyTorch:   $TORCH_PYTHON ${shown[*]//$repo\//}   (training loop alone)"
"$BACKPROP" "${backprop_args[@]}" > "$work/backprop.log" 2>&1 || { echo "backprop failed:"; cat "$work/backprop.log"; exit 1; }
archive="$(ls "$BACKPROP_CACHE_DIR"/cds/train-*.jsa 2>/dev/null | head -n1)"
if [ -n "$archive" ]; then
  echo "CDS:       archive $(basename "$archive"), $(stat -c %s "$archive") bytes (made by an untimed first run)"
else
  echo "CDS:       no archive (the launcher skipped class-data sharing)"
fi
echo

best_b="" best_n="" best_t=""
for ((r = 1; r <= ROUNDS; r++)); do
  order=(backprop nocds torch)
  if ((r % 2 == 0)); then order=(torch nocds backprop); fi
  for c in "${order[@]}"; do
    if [ "$c" != torch ]; then
      t0="$EPOCHREALTIME"
      BACKPROP_CDS=$([ "$c" = backprop ] && echo 1 || echo 0) "$BACKPROP" "${backprop_args[@]}" > "$work/backprop.log" 2>&1 \
        || { echo "backprop failed:"; cat "$work/backprop.log"; exit 1; }
      s="$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }')"
      if [ "$c" = backprop ]; then
        echo "  round $r  backprop train, whole process  $s s   $(grep -m1 -E '^ *r2' "$work/backprop.log" | tr -s ' ')"
        best_b="$(awk -v a="${best_b:-1e9}" -v b="$s" 'BEGIN { print (b < a) ? b : a }')"
      else
        echo "  round $r  the same, BACKPROP_CDS=0       $s s"
        best_n="$(awk -v a="${best_n:-1e9}" -v b="$s" 'BEGIN { print (b < a) ? b : a }')"
      fi
    else
      "$TORCH_PYTHON" "${torch_args[@]}" > "$work/torch.log" 2>&1 || { echo "PyTorch failed:"; cat "$work/torch.log"; exit 1; }
      s="$(sed -n 's/^total \([0-9.]*\) s.*/\1/p' "$work/torch.log")"
      echo "  round $r  PyTorch fit() alone            $s s   $(grep -o 'final training MSE.*' "$work/torch.log")"
      best_t="$(awk -v a="${best_t:-1e9}" -v b="$s" 'BEGIN { print (b < a) ? b : a }')"
    fi
  done
done
echo
awk -v b="$best_b" -v n="$best_n" -v t="$best_t" 'BEGIN {
  printf "best: backprop %.3f s (whole process), PyTorch %.3f s (fit alone): %.2fx (target >= 4x: %s)\n",
    b, t, t / b, (t / b >= 4) ? "meets" : "BELOW"
  printf "      without the CDS archive (BACKPROP_CDS=0) %.3f s: %.2fx; the archive saves %.3f s\n", n, t / n, n - b }'
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "report: ${report#"$repo"/}"
