#!/usr/bin/env bash
# The tabular benchmark: real mixed-type tables (strings, gaps and all) exported from R packages,
# each split 80/20 once (tables_peers.py split), then on the same files and in one run:
#   - backprop train with its defaults: only --data, --target and --test (plus
#     --drop-missing-target where the target has gaps, as its error message tells the user);
#   - backprop train with a fixed protocol: the same network as scikit-learn's MLP (64,64 ReLU, Adam
#     lr 1e-3, 10 % early-stopping validation split, patience 10, up to 500 epochs);
#   - scikit-learn's MLP on a ColumnTransformer pipeline and HistGradientBoosting with native
#     categorical support (tables_peers.py score).
# Prints test R² (regression) or accuracy / ROC AUC (classification) and the seconds of each
# (backprop: the whole process; scikit-learn: fit alone), and writes
# backprop-bench/results/tables-<date>.txt. Never part of the test run.
# Needs: ./backprop built (mvn -q -B -DskipTests package), and backprop-bench/setup-peers.sh
# (R with ggplot2 and modeldata, scikit-learn, pandas). Environment: SEED=0, WORK=<temp dir>.
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
SEED="${SEED:-0}"
WORK="${WORK:-$(mktemp -d)}"
PYTHON="${PYTHON:-/usr/bin/python3}"
stamp="$(date +%Y%m%d-%H%M%S)"
mkdir -p "$repo/backprop-bench/results" "$WORK/data" "$WORK/split" "$WORK/runs"
report="$repo/backprop-bench/results/tables-$stamp.txt"
exec > >(tee "$report") 2>&1

echo "== backprop compare-tables  $(date -Is)"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "repo:    $(git -C "$repo" rev-parse --short HEAD), seed $SEED, work dir $WORK"
Rscript "$here/export-tables.R" "$WORK/data"
"$PYTHON" "$here/tables_peers.py" split --data "$WORK/data" --work "$WORK/split" --seed "$SEED"

results="$WORK/results.jsonl"
: > "$results"
run_backprop() {  # label table target extra-args...
  local label="$1" table="$2" target="$3" t0 t1 rc=0 log
  shift 3
  log="$WORK/runs/$table.${label// /_}.log"
  t0="$EPOCHREALTIME"
  "$repo/backprop" train --data "$WORK/split/$table.train.csv" --target "$target" \
      --test "$WORK/split/$table.test.csv" --seed "$SEED" --out "$WORK/runs/$table.model" \
      --metrics-json "$WORK/runs/$table.metrics.json" "$@" > "$log" 2>&1 || rc=$?
  t1="$EPOCHREALTIME"
  "$PYTHON" - "$label" "$table" "$rc" "$(awk "BEGIN { print $t1 - $t0 }")" "$WORK/runs/$table.metrics.json" "$log" \
      >> "$results" <<'PY'
import json, sys
label, table, rc, seconds, metrics, log = sys.argv[1:]
row = {"table": table, "model": label, "seconds": round(float(seconds), 3)}
if rc != "0":
    row["error"] = "exit %s: %s" % (rc, open(log).read().strip().splitlines()[-1][:120])
else:
    test = json.load(open(metrics)).get("test", {})
    for key in ("r2", "rmse", "accuracy", "roc_auc", "macro_f1"):
        if key in test:
            row[key] = test[key]
print(json.dumps(row))
PY
}

grep -v '^#' "$here/datasets.tsv" | while IFS=$'\t' read -r table target task _; do
  extra=()
  if [ "$table" = airquality ]; then extra=(--drop-missing-target); fi
  run_backprop "backprop defaults" "$table" "$target" "${extra[@]}"
  run_backprop "backprop protocol" "$table" "$target" "${extra[@]}" --layers 64,64 --optimizer adam --lr 0.001 \
      --validation-split 0.1 --patience 10 --epochs 500
done
"$PYTHON" "$here/tables_peers.py" score --work "$WORK/split" --seed "$SEED" >> "$results"

echo
"$PYTHON" - "$results" "$here/datasets.tsv" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
tasks = {l.split("\t")[0]: l.split("\t")[2] for l in open(sys.argv[2]) if not l.startswith("#")}
models = ["backprop defaults", "backprop protocol", "sklearn MLP", "sklearn HGB"]
print("%-14s %-15s " % ("table", "metric") + " ".join("%20s" % m for m in models))
for table, task in tasks.items():
    metrics = ["r2"] if task == "regression" else ["accuracy", "roc_auc", "macro_f1"]
    for metric in metrics + ["seconds"]:
        cells = []
        for m in models:
            r = next((r for r in rows if r["table"] == table and r["model"] == m), None)
            if r is None:
                cells.append("-")
            elif "error" in r:
                cells.append("error" if metric == metrics[0] else "")
            elif metric in r:
                cells.append("%.3f" % r[metric] if metric != "seconds" else "%.1f s" % r[metric])
            else:
                cells.append("n/a")
        print("%-14s %-15s " % (table, metric) + " ".join("%20s" % c for c in cells))
for r in rows:
    if "error" in r:
        print("%s / %s: %s" % (r["table"], r["model"], r["error"]))
PY
echo
echo "report: ${report#"$repo"/}"
