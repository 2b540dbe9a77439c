#!/usr/bin/env bash
# `backprop train` on a CSV file over 2 GiB (3.1 million rows, 2.2 GB, of which train reads the two
# numeric columns: --features a): exit code, peak RSS, the live peak from the GC log, wall time.
# Writes backprop-bench/results/over-2gib-<date>.txt. The file goes to WORK (default /tmp).
# Usage: backprop-bench/memory/over-2gib.sh [HEAP, default 400m]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${WORK:-/tmp}"
heap="${1:-400m}"
data="$work/backprop-over-2gib.csv"
report="$repo/backprop-bench/results/over-2gib-$(date +%Y%m%d-%H%M%S).txt"
[ -f "$data" ] || python3 "$here/write_padded_csv.py" "$data" 3100000
{
  echo "== backprop train on a file over 2 GiB  $(date -Is)"
  echo "file: $(stat -c %s "$data") bytes, 3100000 rows; repo $(git -C "$repo" rev-parse --short HEAD); load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "command: BACKPROP_JAVA_OPTS=-Xmx$heap ./backprop train --data FILE --target y --features a --layers 8 --epochs 1 --batch-size 4096"
  set +e
  BACKPROP_JAVA_OPTS="-Xmx$heap -Xlog:gc:file=$work/over-2gib-gc.log" /usr/bin/time -v -o "$work/over-2gib-time.txt" \
    "$repo/backprop" train --data "$data" --target y --features a --layers 8 --epochs 1 --batch-size 4096 \
    --out "$work/over-2gib.safetensors" 2>&1
  echo "exit code: $?"
  set -e
  grep -E "Elapsed|Maximum resident" "$work/over-2gib-time.txt"
  echo "live peak (largest heap after a full GC): $(grep -o 'Pause Full.*' "$work/over-2gib-gc.log" | sed 's/.*->\([0-9]*\)M.*/\1/' | sort -n | tail -1) MiB"
} | tee "$report"
