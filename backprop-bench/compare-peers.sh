#!/usr/bin/env bash
# Compares `backprop demo` (the seed workload) with its peers, each run as a whole process:
#   - the seed NumPy notebook, verbatim (peers/numpy_notebook.py), at its best setting: OPENBLAS_CORETYPE
#     and OPENBLAS_L2_SIZE unset for that command only, the faster of OPENBLAS_NUM_THREADS=1 and =2;
#   - PyTorch float64 and float32 (peers/torch_seed.py, Debian's /usr/bin/python3, one intra-op thread,
#     OPENBLAS_NUM_THREADS=2);
#   - NumPy's large square GEMM rate for float64 and float32 (peers/numpy_gemm_peak.py), same setting
#     as the notebook, best of both thread counts;
#   - backprop demo --dtype float64 and --dtype float32.
# Targets (issue 19, in a quiet and a contended phase alike): float64 >= 2.0x PyTorch float64 and >= 3.0x
# the notebook, float32 >= 2.0x PyTorch float32.
# All cases run alternately, ROUNDS times (even rounds in reverse order); the best of each is kept.
# Prints every time and the ratios against their targets, and writes the same text to
# backprop-bench/results/compare-<date>.txt (each run's full output under compare-<date>.logs/).
#
# Environment:
#   EPOCHS=1000          epochs of every seed-workload run (FLOP counts scale with it; 100 for a quick check)
#   ROUNDS=2             rounds
#   BACKPROP_CMD=...     command that runs the demo; gets "--epochs N --dtype D" appended. Default: the
#                        ./backprop launcher ("./backprop demo"), else java -cp backprop-cli/target/backprop.jar.
#   PYTHON=python3       interpreter with NumPy;  TORCH_PYTHON=/usr/bin/python3  interpreter with PyTorch
#   GEMM_SIZE=2048       n of the n x n GEMM
#   LOAD=0               extra busy processes (python3 -c 'while 1: pass') started for the whole run and
#                        stopped at its end: LOAD=1 measures a contended phase (one core's worth of other
#                        work on the machine) as well as the quiet one; the report says how many ran
# A peer that is missing (no numpy, no torch, no demo) is reported as absent and skipped.
set -euo pipefail
export LC_ALL=C

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
cd "$repo"

EPOCHS="${EPOCHS:-1000}"
ROUNDS="${ROUNDS:-2}"
GEMM_SIZE="${GEMM_SIZE:-2048}"
PYTHON="${PYTHON:-python3}"
TORCH_PYTHON="${TORCH_PYTHON:-/usr/bin/python3}"
LOAD="${LOAD:-0}"
if ! [[ "$LOAD" =~ ^[0-9]+$ ]]; then
  echo "compare-peers: LOAD must be a whole number, got '$LOAD'" >&2
  exit 2
fi
for v in EPOCHS ROUNDS GEMM_SIZE; do
  if ! [[ "${!v}" =~ ^[1-9][0-9]*$ ]]; then
    echo "compare-peers: $v must be a positive integer, got '${!v}'" >&2
    exit 2
  fi
done

stamp="$(date +%Y%m%d-%H%M%S)"
mkdir -p "$bench/results"
report="$bench/results/compare-$stamp.txt"
logs="$bench/results/compare-$stamp.logs"
mkdir -p "$logs"
exec > >(tee "$report") 2>&1

# ---------------------------------------------------------------- the commands

if [ -n "${BACKPROP_CMD:-}" ]; then
  backprop_desc="$BACKPROP_CMD (BACKPROP_CMD)"
elif [ -x "$repo/backprop" ]; then
  BACKPROP_CMD="$repo/backprop demo"
  backprop_desc="$BACKPROP_CMD"
elif [ -f "$repo/backprop-cli/target/backprop.jar" ]; then
  BACKPROP_CMD="java --add-modules jdk.incubator.vector -cp $repo/backprop-cli/target/backprop.jar org.backprop.cli.Main demo"
  backprop_desc="$BACKPROP_CMD"
else
  BACKPROP_CMD=""
  backprop_desc="absent (no ./backprop launcher, no backprop-cli/target/backprop.jar; build with mvn -q -B -DskipTests package or set BACKPROP_CMD)"
fi
read -r -a backprop_argv <<< "$BACKPROP_CMD"

# The NumPy notebook and GEMM at their best: these two variables unset for these commands only.
numpy_env=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)

declare -A absent=()
if ! "$PYTHON" -c 'import numpy' >/dev/null 2>&1; then
  absent[numpy]="absent ($PYTHON cannot import numpy)"
fi
if ! "$TORCH_PYTHON" -c 'import torch' >/dev/null 2>&1; then
  absent[torch]="absent ($TORCH_PYTHON cannot import torch; apt-get install -y python3-torch)"
fi
if [ -z "$BACKPROP_CMD" ]; then
  absent[backprop]="$backprop_desc"
fi

flops=""
if command -v "$PYTHON" >/dev/null 2>&1; then
  flops="$("$PYTHON" "$bench/peers/seedflops.py" "$EPOCHS")"
fi

# case name -> group (for absence), label, command words (one string per case, set by case_argv)
cases=(backprop_f64 numpy_t1 torch_f64 backprop_f32 numpy_t2 torch_f32 gemm_t1 gemm_t2)
declare -A group=([backprop_f64]=backprop [backprop_f32]=backprop [numpy_t1]=numpy [numpy_t2]=numpy
                  [gemm_t1]=numpy [gemm_t2]=numpy [torch_f64]=torch [torch_f32]=torch)
declare -A label=(
  [backprop_f64]="backprop demo float64"
  [backprop_f32]="backprop demo float32"
  [numpy_t1]="NumPy notebook, 1 thread"
  [numpy_t2]="NumPy notebook, 2 threads"
  [torch_f64]="PyTorch float64"
  [torch_f32]="PyTorch float32"
  [gemm_t1]="NumPy GEMM peak, 1 thread"
  [gemm_t2]="NumPy GEMM peak, 2 threads")

case_argv() {  # sets argv to the command of case $1
  case "$1" in
    backprop_f64) argv=("${backprop_argv[@]}" --epochs "$EPOCHS" --dtype float64) ;;
    backprop_f32) argv=("${backprop_argv[@]}" --epochs "$EPOCHS" --dtype float32) ;;
    numpy_t1) argv=("${numpy_env[@]}" OPENBLAS_NUM_THREADS=1 "$PYTHON" "$bench/peers/numpy_notebook.py" --epochs "$EPOCHS") ;;
    numpy_t2) argv=("${numpy_env[@]}" OPENBLAS_NUM_THREADS=2 "$PYTHON" "$bench/peers/numpy_notebook.py" --epochs "$EPOCHS") ;;
    torch_f64) argv=(env OPENBLAS_NUM_THREADS=2 "$TORCH_PYTHON" "$bench/peers/torch_seed.py" --dtype float64 --epochs "$EPOCHS") ;;
    torch_f32) argv=(env OPENBLAS_NUM_THREADS=2 "$TORCH_PYTHON" "$bench/peers/torch_seed.py" --dtype float32 --epochs "$EPOCHS") ;;
    gemm_t1) argv=("${numpy_env[@]}" OPENBLAS_NUM_THREADS=1 "$PYTHON" "$bench/peers/numpy_gemm_peak.py" --size "$GEMM_SIZE") ;;
    gemm_t2) argv=("${numpy_env[@]}" OPENBLAS_NUM_THREADS=2 "$PYTHON" "$bench/peers/numpy_gemm_peak.py" --size "$GEMM_SIZE") ;;
  esac
}

# ---------------------------------------------------------------- arithmetic helpers (awk)

calc() { awk "BEGIN { printf \"$1\", $2 }"; }
# min/max of "" and a number
better_min() { if [ -z "$1" ]; then echo "$2"; else awk -v a="$1" -v b="$2" 'BEGIN { print (b + 0 < a + 0) ? b : a }'; fi; }
better_max() { if [ -z "$1" ]; then echo "$2"; else awk -v a="$1" -v b="$2" 'BEGIN { print (b + 0 > a + 0) ? b : a }'; fi; }

# ---------------------------------------------------------------- header

echo "== backprop compare-peers  $(date -Is)"
echo "machine:   $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (others' load makes numbers noisy)"
echo "repo:      $(basename "$repo") @ $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo" diff --quiet 2>/dev/null || echo ' (uncommitted changes)')"
echo "workload:  seed mlp-backprop, EPOCHS=$EPOCHS, ROUNDS=$ROUNDS, ${flops:-?} FLOP per run$([ "$EPOCHS" != 1000 ] && echo ' (scaled from 1000 epochs: quick check, not the final numbers)')"
echo "contended: LOAD=$LOAD extra busy process(es) during every run$([ "$LOAD" = 0 ] && echo ' (quiet phase: only what else runs on the machine)')"
echo "ambient:   OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset} OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE:-unset} OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-unset}"
echo "backprop:  ${backprop_desc#"$repo"/}"
echo "numpy:     ${absent[numpy]:-$("$PYTHON" -c 'import numpy, platform; print("NumPy", numpy.__version__, "on Python", platform.python_version())')}"
echo "torch:     ${absent[torch]:-$("$TORCH_PYTHON" -c 'import torch, sys; print("PyTorch", torch.__version__, "on", sys.executable)' 2>/dev/null)}"
echo "logs:      ${logs#"$repo"/}"
echo

# ---------------------------------------------------------------- the contended phase (LOAD)

busy_pids=()
stop_busy() {
  local pid
  for pid in "${busy_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
}
trap stop_busy EXIT
for ((i = 0; i < LOAD; i++)); do
  python3 -c 'while 1: pass' &
  busy_pids+=($!)
done

# ---------------------------------------------------------------- an untimed first run

# The launcher writes its class-data sharing archive after the first run of a new build (2-3 s, once,
# as a user's first run after installing); the Python peers' compiled modules already exist. So one
# untimed one-epoch demo first: every timed run then starts as a user's second and later runs do.
if [ -z "${absent[backprop]:-}" ]; then
  "${backprop_argv[@]}" --epochs 1 --dtype float64 > "$logs/backprop_first_run.log" 2>&1 || true
  echo "first run: untimed 'demo --epochs 1' (the launcher's start-up cache, if any, is written by it)"
  echo
fi

# ---------------------------------------------------------------- the rounds

declare -A best_wall=() best_self=() failure=() flop_warning=()

# Cross-checks the FLOP count against what a run itself printed (its GFLOP/s x its seconds).
check_flops() {  # name, seconds, printed GFLOP/s
  local off
  if [ -z "$flops" ] || [ -z "$3" ]; then
    return
  fi
  off="$(calc '%.1f' "100 * ($3 * 1e9 * $2 - $flops) / $flops")"
  if awk -v o="$off" 'BEGIN { exit !(o > 5 || o < -5) }'; then
    flop_warning[$1]="WARNING: ${label[$1]} prints a FLOP count ${off}% off peers/seedflops.py; its GFLOP/s ratios may be wrong"
  fi
}
best_peak_f64="" best_peak_f32="" peak_f64_case="" peak_f32_case=""

run_case() {
  local name="$1" round="$2" log="$logs/$1.round$2.log" rc=0 t0 t1 wall self
  if [ -n "${absent[${group[$name]}]:-}" ]; then
    return
  fi
  case_argv "$name"
  echo "\$ ${argv[*]}" > "$log"
  t0="$EPOCHREALTIME"
  "${argv[@]}" >> "$log" 2>&1 || rc=$?
  t1="$EPOCHREALTIME"
  wall="$(calc '%.3f' "$t1 - $t0")"
  if [ "$rc" -ne 0 ]; then
    if [ "$rc" -eq 3 ]; then
      failure[$name]="not available (exit 3): $(grep -m1 -i 'not available' "$log" || tail -n1 "$log")"
    else
      failure[$name]="failed (exit $rc): $(sed -n '2,${/./{p;q}}' "$log") (full output: $log)"
    fi
    printf '  round %d  %-28s %s\n' "$round" "${label[$name]}" "${failure[$name]}"
    return
  fi
  case "$name" in
    gemm_*)
      local p64 p32
      p64="$(sed -n 's/^peak float64 \([0-9.]*\) GFLOP\/s.*/\1/p' "$log")"
      p32="$(sed -n 's/^peak float32 \([0-9.]*\) GFLOP\/s.*/\1/p' "$log")"
      printf '  round %d  %-28s float64 %7s GFLOP/s   float32 %7s GFLOP/s\n' "$round" "${label[$name]}" "${p64:-?}" "${p32:-?}"
      if [ -n "$p64" ] && [ "$(better_max "$best_peak_f64" "$p64")" = "$p64" ]; then best_peak_f64="$p64"; peak_f64_case="$name"; fi
      if [ -n "$p32" ] && [ "$(better_max "$best_peak_f32" "$p32")" = "$p32" ]; then best_peak_f32="$p32"; peak_f32_case="$name"; fi
      best_wall[$name]="$(better_min "${best_wall[$name]:-}" "$wall")"
      return
      ;;
  esac
  self="$(sed -n 's/^total \([0-9.]*\) s.*/\1/p' "$log" | tail -n1)"
  if [ -z "$self" ]; then
    failure[$name]="no 'total <seconds> s' line in its output (see $log)"
    printf '  round %d  %-28s %s\n' "$round" "${label[$name]}" "${failure[$name]}"
    return
  fi
  unset "failure[$name]"
  best_wall[$name]="$(better_min "${best_wall[$name]:-}" "$wall")"
  best_self[$name]="$(better_min "${best_self[$name]:-}" "$self")"
  check_flops "$name" "$self" "$(sed -n 's/^total [0-9.]* s, \([0-9.]*\) GFLOP\/s.*/\1/p' "$log" | tail -n1)"
  printf '  round %d  %-28s process %9.3f s   self-reported %9.3f s   %s\n' "$round" "${label[$name]}" "$wall" "$self" \
    "$(grep -m1 '^final training MSE' "$log" || true)"
}

for ((round = 1; round <= ROUNDS; round++)); do
  echo "-- round $round of $ROUNDS"
  order=("${cases[@]}")
  if ((round % 2 == 0)); then
    order=()
    for ((i = ${#cases[@]} - 1; i >= 0; i--)); do order+=("${cases[$i]}"); done
  fi
  for name in "${order[@]}"; do
    run_case "$name" "$round"
  done
done
echo

# ---------------------------------------------------------------- summary

status_of() {  # empty when the case has a time
  local name="$1"
  if [ -n "${absent[${group[$name]}]:-}" ]; then echo "${absent[${group[$name]}]}"; return; fi
  if [ -z "${best_self[$name]:-}" ]; then echo "${failure[$name]:-no result}"; fi
}

gflops_of() {
  if [ -n "$flops" ]; then calc '%.1f' "$flops / $1 / 1e9"; else echo "?"; fi
}

echo "== times: best of $ROUNDS; 'process' = whole process wall time (startup, imports, JIT included),"
echo "   'self' = the program's own timer around training (what it prints as 'total ... s')"
printf '%-28s %12s %12s %16s %16s\n' case "process s" "self s" "GFLOP/s(process)" "GFLOP/s(self)"
for name in backprop_f64 backprop_f32 numpy_t1 numpy_t2 torch_f64 torch_f32; do
  s="$(status_of "$name")"
  if [ -n "$s" ]; then
    printf '%-28s %s\n' "${label[$name]}" "$s"
  else
    printf '%-28s %12s %12s %16s %16s\n' "${label[$name]}" "${best_wall[$name]}" "${best_self[$name]}" \
      "$(gflops_of "${best_wall[$name]}")" "$(gflops_of "${best_self[$name]}")"
  fi
done

# The notebook at its best: the faster thread setting (by its own timer).
numpy_best=""
for name in numpy_t1 numpy_t2; do
  if [ -z "$(status_of "$name")" ]; then
    if [ -z "$numpy_best" ] || [ "$(better_min "${best_self[$numpy_best]}" "${best_self[$name]}")" = "${best_self[$name]}" ]; then
      numpy_best="$name"
    fi
  fi
done
if [ -n "$numpy_best" ]; then
  echo "NumPy notebook best setting: ${label[$numpy_best]}"
fi
echo

echo "== NumPy large GEMM peak (n=$GEMM_SIZE, best over OPENBLAS_NUM_THREADS=1,2 and rounds)"
if [ -n "${absent[numpy]:-}" ]; then
  echo "${absent[numpy]}"
else
  echo "float64 ${best_peak_f64:-?} GFLOP/s (${peak_f64_case:+${label[$peak_f64_case]}})"
  echo "float32 ${best_peak_f32:-?} GFLOP/s (${peak_f32_case:+${label[$peak_f32_case]}})"
fi
echo

for name in "${cases[@]}"; do
  if [ -n "${flop_warning[$name]:-}" ]; then
    echo "${flop_warning[$name]}"
  fi
done

verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 >= t + 0) ? "meets" : "BELOW" }'; }

ratio_line() {  # label, target, unit(x|%), mine, theirs (cases); speed-up = their time / my time
  local text="$1" target="$2" mine="$3" theirs="$4" s="" pw ps
  if [ -n "$(status_of "$mine")" ]; then
    s="${label[$mine]}: $(status_of "$mine")"
  elif [ -n "$(status_of "$theirs")" ]; then
    s="${label[$theirs]}: $(status_of "$theirs")"
  fi
  if [ -n "$s" ]; then
    printf '%-52s %s\n' "$text" "n/a — $s"
    return
  fi
  pw="$(calc '%.2f' "${best_wall[$theirs]} / ${best_wall[$mine]}")"
  ps="$(calc '%.2f' "${best_self[$theirs]} / ${best_self[$mine]}")"
  printf '%-52s %8sx %8sx  %8s  %s/%s\n' "$text" "$pw" "$ps" ">= ${target}x" "$(verdict "$pw" "$target")" "$(verdict "$ps" "$target")"
}

peak_line() {  # label, mine, peak: for information (the earlier 70 %-of-peak target is retired)
  local text="$1" mine="$2" peak="$3" s="" pw ps
  if [ -n "$(status_of "$mine")" ]; then
    s="${label[$mine]}: $(status_of "$mine")"
  elif [ -n "${absent[numpy]:-}" ]; then
    s="${absent[numpy]}"
  elif [ -z "$peak" ]; then
    s="no NumPy GEMM peak measured"
  elif [ -z "$flops" ]; then
    s="no FLOP count (peers/seedflops.py needs $PYTHON)"
  fi
  if [ -n "$s" ]; then
    printf '%-52s %s\n' "$text" "n/a — $s"
    return
  fi
  pw="$(calc '%.1f' "100 * $flops / ${best_wall[$mine]} / 1e9 / $peak")"
  ps="$(calc '%.1f' "100 * $flops / ${best_self[$mine]} / 1e9 / $peak")"
  printf '%-52s %8s%% %8s%%  %8s  %s\n' "$text" "$pw" "$ps" "none" "(for information)"
}

echo "== ratios (backprop's advantage; process / self as above)"
printf '%-52s %9s %9s  %8s  %s\n' "" process self target "verdict (process/self)"
ratio_line "backprop float64 vs PyTorch float64 (speed-up)" 2.0 backprop_f64 torch_f64
if [ -n "$numpy_best" ]; then
  ratio_line "backprop float64 vs NumPy notebook (speed-up)" 3.0 backprop_f64 "$numpy_best"
else
  printf '%-52s %s\n' "backprop float64 vs NumPy notebook (speed-up)" "n/a — $(status_of numpy_t1)"
fi
ratio_line "backprop float32 vs PyTorch float32 (speed-up)" 2.0 backprop_f32 torch_f32
peak_line "backprop float64 GFLOP/s, % of NumPy GEMM float64" backprop_f64 "$best_peak_f64"
peak_line "backprop float32 GFLOP/s, % of NumPy GEMM float32" backprop_f32 "$best_peak_f32"
echo
echo "report: ${report#"$repo"/}"
