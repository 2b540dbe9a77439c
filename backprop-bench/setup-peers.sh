#!/usr/bin/env bash
# Installs the peers the benchmarks compare against, at their best on this kind of machine (Debian):
#   - PyTorch on OpenBLAS: Debian's python3-torch calls the system BLAS, which is the slow reference
#     BLAS unless libopenblas0-pthread is installed (a float64 seed run then takes minutes, not seconds);
#   - scikit-learn and pandas for the tabular and CSV comparisons;
#   - R with ggplot2 and modeldata, whose real mixed-type tables the tabular benchmark exports.
# Never part of the test run. Needs root (apt-get). The peer scripts refuse to run on the reference
# BLAS (exit 3, "not available"), so compare-peers.sh never reports a ratio against a crippled peer.
set -euo pipefail
packages=(python3-numpy python3-torch libopenblas0-pthread python3-sklearn python3-pandas)
if [ "${WITH_R:-1}" = 1 ]; then
  packages+=(r-base-core r-cran-ggplot2 r-cran-modeldata)
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
peers="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/peers"
PEERS="$peers" /usr/bin/python3 - <<'PY'
import os, sys
sys.path.insert(0, os.environ["PEERS"])
import torch
import blasinfo
torch.ones(64, 64, dtype=torch.float64) @ torch.ones(64, 64, dtype=torch.float64)
print("PyTorch", torch.__version__, "-", blasinfo.describe())
if not blasinfo.optimized_blas_found():
    sys.exit("PyTorch still runs on the reference BLAS")
PY
