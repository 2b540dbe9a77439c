#!/usr/bin/env bash
# One thread against two, and an old build's two threads against a new build's, on the seed workload,
# as whole processes alternated in one run (issue 19: "two threads never lose to one"):
#   backprop-bench/ab-threads.sh BASE_CHECKOUT NEW_CHECKOUT
# Cases, in alternating order each round: base --threads 1, base --threads 2, new --threads 2, new --threads 1.
# Each checkout must have been built (mvn -o -q -B -DskipTests package -pl backprop-cli -am); a base
# checkout of an older commit: mkdir /tmp/base && git archive COMMIT | tar -x -C /tmp/base, then build it.
# ROUNDS= rounds (default 4); EPOCHS= demo epochs (default 50); DTYPE= float64 | float32 (default float64);
# LOAD= extra busy processes (python3 -c 'while 1: pass') for the whole run (default 0; 1 = a contended
# phase: one core's worth of other work). Prints every run (wall, user and system CPU seconds from
# /usr/bin/time, the demo's own training time and its final loss, which must be the same in every run)
# and per case the median and best wall and training seconds; writes the same text to
# backprop-bench/results/threads-ab-<date>.txt. Under load only the ratios within one run mean anything.
set -euo pipefail
export LC_ALL=C
base="${1:?usage: ab-threads.sh BASE_CHECKOUT NEW_CHECKOUT}"
new="${2:?usage: ab-threads.sh BASE_CHECKOUT NEW_CHECKOUT}"
rounds="${ROUNDS:-4}"
epochs="${EPOCHS:-50}"
dtype="${DTYPE:-float64}"
load="${LOAD:-0}"
for v in rounds epochs load; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || { echo "ab-threads: ${v^^} must be a whole number, got '${!v}'" >&2; exit 2; }
done
for dir in "$base" "$new"; do
  [ -f "$dir/backprop-cli/target/backprop.jar" ] || { echo "ab-threads: $dir is not built" >&2; exit 5; }
done
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$bench/results"
exec > >(tee "$bench/results/threads-ab-$(date +%Y%m%d-%H%M%S).txt") 2>&1

busy=()
stop_busy() { for p in ${busy[@]+"${busy[@]}"}; do kill "$p" 2>/dev/null || true; done; }
trap stop_busy EXIT
for ((i = 0; i < load; i++)); do
  python3 -c 'while 1: pass' &
  busy+=($!)
done

echo "# $(date -u +%FT%TZ) $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg), $load extra busy process(es)"
echo "# demo --epochs $epochs --dtype $dtype; base $base ($(git -C "$base" rev-parse --short HEAD 2>/dev/null || echo archive)), new $new ($(git -C "$new" rev-parse --short HEAD 2>/dev/null || echo archive))"
cases=("base 1" "base 2" "new 2" "new 1")
declare -A walls trains
for ((r = 1; r <= rounds; r++)); do
  if (( r % 2 )); then order=(0 1 2 3); else order=(3 2 1 0); fi
  for i in "${order[@]}"; do
    read -r which threads <<< "${cases[$i]}"
    dir=$([ "$which" = base ] && echo "$base" || echo "$new")
    timing=$(mktemp)
    out=$(/usr/bin/time -f "%e %U %S" -o "$timing" "$dir/backprop" demo --epochs "$epochs" --dtype "$dtype" --threads "$threads")
    read -r wall user sys < "$timing"
    rm -f "$timing"
    train=$(echo "$out" | sed -n 's/^total \([0-9.]*\) s.*/\1/p')
    loss=$(echo "$out" | sed -n 's/^final training MSE \(.*\)/\1/p')
    walls[$which.$threads]="${walls[$which.$threads]:-} $wall"
    trains[$which.$threads]="${trains[$which.$threads]:-} $train"
    echo "round $r $which --threads $threads: wall $wall s, user $user s, sys $sys s, training $train s, final MSE $loss, load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
stats() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {printf "%.2f %.2f", v[1], (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
for c in "${cases[@]}"; do
  key="${c/ /.}"
  read -r wb wm <<< "$(echo "${walls[$key]}" | stats)"
  read -r tb tm <<< "$(echo "${trains[$key]}" | stats)"
  echo "${c% *} --threads ${c#* }: wall median $wm s (best $wb), training median $tm s (best $tb)"
done
