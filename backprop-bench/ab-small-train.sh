#!/usr/bin/env bash
# A/B of two builds of backprop on the small-table workload of compare-small-train.sh (a whole
# `backprop train` process on a 1,000-row, 20-feature CSV, 64-32, batch 32, Adam 1e-3, 300 epochs),
# side by side in one run, alternating:
#   backprop-bench/ab-small-train.sh BASE_CHECKOUT NEW_CHECKOUT
# Each checkout must have been built (mvn -o -q -B -DskipTests package -pl backprop-cli -am). A base
# checkout of an older commit: mkdir /tmp/base && git archive COMMIT | tar -x -C /tmp/base, then build it.
# Each build keeps its own class-data sharing cache (made by an untimed first run), as a user's would.
# ROUNDS= alternated rounds (default 5), EPOCHS= (default 300), ARGS= extra `train` options for both
# (e.g. "--threads 1"). Prints each run's wall and CPU (user + sys) seconds, then per build the
# median and best wall time and the median CPU time; under load only the comparison counts.
set -euo pipefail
export LC_ALL=C
base="${1:?usage: ab-small-train.sh BASE_CHECKOUT NEW_CHECKOUT}"
new="${2:?usage: ab-small-train.sh BASE_CHECKOUT NEW_CHECKOUT}"
rounds="${ROUNDS:-5}"
epochs="${EPOCHS:-300}"
for dir in "$base" "$new"; do
  [ -f "$dir/backprop-cli/target/backprop.jar" ] || { echo "ab-small-train: $dir is not built" >&2; exit 5; }
done
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"${TORCH_PYTHON:-/usr/bin/python3}" "$bench/peers/torch_small_table.py" generate "$work/small.csv" --rows 1000 > /dev/null
echo "# $(date -u +%FT%TZ) $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# base $base ($(git -C "$base" rev-parse --short HEAD 2>/dev/null || echo archive)), new $new ($(git -C "$new" rev-parse --short HEAD 2>/dev/null || echo archive))"
# shellcheck disable=SC2206
args=(train --data "$work/small.csv" --target y --layers 64,32 --epochs "$epochs" --batch-size 32 --optimizer adam
  --lr 0.001 --validation-split 0 --out "$work/model.safetensors" ${ARGS:-})
run() {  # build name: prints "wall cpu"
  BACKPROP_CACHE_DIR="$work/cache-$2" /usr/bin/time -f "%e %U %S" -o "$work/time" "$1/backprop" "${args[@]}" \
    > "$work/log" 2>&1 || { echo "ab-small-train: $1 failed:" >&2; cat "$work/log" >&2; exit 1; }
  awk '{ printf "%.2f %.2f", $1, $2 + $3 }' "$work/time"
}
run "$base" base > /dev/null
run "$new" new > /dev/null
declare -A walls cpus
for ((r = 1; r <= rounds; r++)); do
  order=(base new)
  if ((r % 2 == 0)); then order=(new base); fi
  for b in "${order[@]}"; do
    dir="$base"; [ "$b" = new ] && dir="$new"
    read -r wall cpu <<< "$(run "$dir" "$b")"
    echo "round $r $b wall $wall s cpu $cpu s"
    walls[$b]+=" $wall"
    cpus[$b]+=" $cpu"
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
for b in base new; do
  echo "$b: wall median $(echo "${walls[$b]}" | median) s, best $(echo "${walls[$b]}" | tr ' ' '\n' | grep . | sort -n | head -1) s; cpu median $(echo "${cpus[$b]}" | median) s"
done
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
