#!/usr/bin/env bash
# A/B of two builds of backprop on the seed workload, side by side in one run, alternating:
#   backprop-bench/ab-demo.sh BASE_CHECKOUT NEW_CHECKOUT
# Each checkout must have been built (mvn -o -q -B -DskipTests package -pl backprop-cli -am).
# A base checkout of an older commit: mkdir /tmp/base && git archive COMMIT | tar -x -C /tmp/base.
# ROUNDS= alternated rounds (default 3); EPOCHS64= / EPOCHS32= epochs of the float64 / float32 demo
# (default 200 / 300); DTYPES= the precisions (default "float64 float32"). Prints each run's wall seconds and, per precision, the best and the median of
# each build and the ratio base/new (> 1: the new build is faster), for the wall time and for the
# training time the demo reports ("total … s": no JVM start). Under load only the ratio counts.
set -euo pipefail
base="${1:?usage: ab-demo.sh BASE_CHECKOUT NEW_CHECKOUT}"
new="${2:?usage: ab-demo.sh BASE_CHECKOUT NEW_CHECKOUT}"
rounds="${ROUNDS:-3}"
e64="${EPOCHS64:-200}"
e32="${EPOCHS32:-300}"
dtypes="${DTYPES:-float64 float32}"
for dir in "$base" "$new"; do
  [ -f "$dir/backprop-cli/target/backprop.jar" ] || { echo "ab-demo: $dir is not built" >&2; exit 5; }
done
echo "# $(date -u +%FT%TZ) $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# base $base ($(git -C "$base" rev-parse --short HEAD 2>/dev/null || echo archive)), new $new ($(git -C "$new" rev-parse --short HEAD 2>/dev/null || echo archive))"
declare -A times trains
run() {  # build precision epochs: prints "wall-seconds training-seconds" (the demo's own "total")
  local dir="$1" dtype="$2" epochs="$3" start end out
  start=$(date +%s.%N)
  out=$("$dir/backprop" demo --dtype "$dtype" --epochs "$epochs")
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc) $(echo "$out" | sed -n 's/^total \([0-9.]*\) s.*/\1/p')"
}
for ((r = 1; r <= rounds; r++)); do
  for dtype in $dtypes; do
    epochs=$([ "$dtype" = float64 ] && echo "$e64" || echo "$e32")
    # alternate which build goes first, so neither always runs on a warmer or colder machine
    if (( r % 2 )); then order="base new"; else order="new base"; fi
    for which in $order; do
      dir=$([ "$which" = base ] && echo "$base" || echo "$new")
      read -r wall train <<< "$(run "$dir" "$dtype" "$epochs")"
      times[$which.$dtype]="${times[$which.$dtype]:-} $wall"
      trains[$which.$dtype]="${trains[$which.$dtype]:-} $train"
      echo "round $r $dtype $which wall ${wall} s, training ${train} s"
    done
  done
done
stats() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {printf "%.2f %.2f", v[1], (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
for dtype in $dtypes; do
  for kind in wall training; do
    if [ "$kind" = wall ]; then b="${times[base.$dtype]}"; n="${times[new.$dtype]}"; else b="${trains[base.$dtype]}"; n="${trains[new.$dtype]}"; fi
    read -r bb bm <<< "$(echo "$b" | stats)"
    read -r nb nm <<< "$(echo "$n" | stats)"
    echo "$dtype $kind: base best $bb median $bm s; new best $nb median $nm s; base/new best $(echo "scale=3; $bb / $nb" | bc), median $(echo "scale=3; $bm / $nm" | bc)"
  done
done
