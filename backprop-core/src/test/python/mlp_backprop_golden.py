#!/usr/bin/env python3
"""Golden loss curve of the seed notebook ../shared/seeds/mlp-backprop.txt.

Runs the notebook's functions VERBATIM (seed_notebook.py beside this file) with
np.random.seed(0) before the data is drawn, captures the 20 losses that fitModel prints
(epochs 0, 50, ..., 950) and writes them with full precision (repr) to
backprop-core/src/test/resources/golden/mlp_backprop_seed0.txt.

Usage, from the repository root:
    python3 backprop-core/src/test/python/mlp_backprop_golden.py

BLAS is pinned to one thread so that the reduction order (and thus the last bits) is reproducible.
"""
import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import contextlib
import io
import pathlib
import platform
import re
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

OUT = (pathlib.Path(__file__).resolve().parents[1] / "resources" / "golden" / "mlp_backprop_seed0.txt")


from seed_notebook import fitModel  # noqa: E402  (the notebook's code, verbatim)


LINE = re.compile(r"^Epoch\s+(\d+)\s+Loss:\s+(\S+)$")


def main():
    np.random.seed(0)
    X = np.random.rand(5000,100)
    y = np.random.rand(5000,1)

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        fitModel(X,y,n_iter=1000,batch_size=500,lr=1e-3)

    rows = []
    for line in printed.getvalue().splitlines():
        sys.stdout.write(line + "\n")
        match = LINE.match(line.strip())
        if not match:
            raise SystemExit("unexpected notebook output line: " + repr(line))
        rows.append((int(match.group(1)), float(match.group(2))))
    if [epoch for epoch, _ in rows] != list(range(0, 1000, 50)):
        raise SystemExit("expected losses at epochs 0, 50, ..., 950, got " + str(rows))

    header = [
        "# Golden loss curve of the seed notebook mlp-backprop (100->128->256->1 ReLU MLP).",
        "# Produced by backprop-core/src/test/python/mlp_backprop_golden.py, which runs the notebook's",
        "# functions verbatim: np.random.seed(0); X = np.random.rand(5000,100); y = np.random.rand(5000,1);",
        "# fitModel(X,y,n_iter=1000,batch_size=500,lr=1e-3).",
        "# Python %s, NumPy %s, BLAS threads pinned to 1." % (platform.python_version(), np.__version__),
        "# Columns: epoch, loss printed by the notebook (full precision repr, round-trips exactly).",
    ]
    body = ["%d %s" % (epoch, repr(loss)) for epoch, loss in rows]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(header + body) + "\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
