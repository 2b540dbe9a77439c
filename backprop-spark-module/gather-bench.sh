#!/bin/bash
# Usage: backprop-spark-module/gather-bench.sh [MASTER] [P] [ROUNDS]
#   e.g. backprop-spark-module/gather-bench.sh 'local-cluster[2,1,1024]' 2 3
# One barrier step's share exchange alone (org.backprop.spark.train.GatherBench): a share of the seed
# network's 46,209 doubles through allGather as ISO-8859-1 bytes and as Base64 text, and over the tasks' own
# sockets (SOCKETS), alternated ROUNDS times in one session; median ms a round trip, encoding and decoding included.
BENCH_MAIN=org.backprop.spark.train.GatherBench exec "$(dirname "$0")/bench.sh" "$@"
